import { describe, expect, it } from 'vitest';
import { isAppUrl } from './isAppUrl';

describe('isAppUrl', () => {
  const app = 'file:///opt/series-studio/out/renderer/index.html';
  it('accepts only the app page itself', () => {
    expect(isAppUrl(app, app)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
    expect(isAppUrl('not a url', app)).toBe(false);
  });
  it('accepts the dev server origin in development only by origin', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
