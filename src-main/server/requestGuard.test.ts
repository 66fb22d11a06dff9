import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  isLoopbackAddress,
  newToken,
  tokenFromRequest,
  tokensMatch,
} from './requestGuard';

const port = 4321;
const token = newToken();
const base = {
  remoteAddress: '127.0.0.1',
  host: `127.0.0.1:${port}`,
  origin: `http://127.0.0.1:${port}`,
  url: new URL(`http://127.0.0.1:${port}/?token=${token}`),
  cookie: undefined,
  websocket: true,
};

describe('requestGuard', () => {
  it('makes 256-bit tokens that differ per run', () => {
    const a = newToken();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(newToken());
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, token.slice(0, -1))).toBe(false);
    expect(tokensMatch(token, null)).toBe(false);
  });

  it('accepts a well-formed local request', () => {
    expect(checkRequest(base, port, token)).toBeNull();
  });

  it('refuses each kind of bad request with its reason', () => {
    expect(checkRequest({ ...base, remoteAddress: '192.0.2.7' }, port, token)?.status).toBe(403);
    expect(checkRequest({ ...base, host: `evil.example:${port}` }, port, token)?.status).toBe(421);
    expect(checkRequest({ ...base, origin: 'http://evil.example' }, port, token)?.status).toBe(403);
    expect(checkRequest({ ...base, origin: undefined }, port, token)?.reason).toBe(
      'foreign Origin',
    );
    const noToken = { ...base, url: new URL(`http://127.0.0.1:${port}/`) };
    expect(checkRequest(noToken, port, token)?.status).toBe(401);
  });

  it('reads the token from the query or the cookie', () => {
    const url = new URL('http://127.0.0.1/');
    expect(tokenFromRequest(url, `a=1; studio_token=${token}`)).toBe(token);
    expect(tokenFromRequest(new URL(`http://x/?token=abc`), undefined)).toBe('abc');
  });

  it('knows loopback addresses', () => {
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });
});
