import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  isLoopbackAddress,
  newToken,
  parseRequestTarget,
  refererIsOwn,
  tokenCookie,
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
  referer: undefined,
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

  it('reads the token from the query or the port-scoped cookie', () => {
    const url = new URL('http://127.0.0.1/');
    expect(tokenFromRequest(url, `a=1; studio_token_${port}=${token}`, port)).toEqual({
      token,
      via: 'cookie',
    });
    expect(tokenFromRequest(url, `studio_token=${token}`, port)).toBeNull();
    expect(tokenFromRequest(url, `studio_token_${port + 1}=${token}`, port)).toBeNull();
    expect(tokenFromRequest(new URL(`http://x/?token=abc`), undefined, port)).toEqual({
      token: 'abc',
      via: 'query',
    });
    expect(tokenCookie(port, token)).toBe(
      `studio_token_${port}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    );
  });

  it('honours the cookie only with our own Origin or Referer', () => {
    const byCookie = {
      ...base,
      websocket: false,
      origin: undefined,
      url: new URL(`http://127.0.0.1:${port}/assets/app.js`),
      cookie: `studio_token_${port}=${token}`,
    };
    expect(checkRequest(byCookie, port, token)).toEqual({
      status: 403,
      reason: 'the token cookie needs our Origin or Referer',
    });
    const ownReferer = { ...byCookie, referer: `http://localhost:${port}/?token=${token}` };
    expect(checkRequest(ownReferer, port, token)).toBeNull();
    expect(
      checkRequest({ ...byCookie, origin: `http://127.0.0.1:${port}` }, port, token),
    ).toBeNull();
    for (const referer of [`http://127.0.0.1:${port + 1}/`, 'https://127.0.0.1/', 'not a url']) {
      expect(checkRequest({ ...byCookie, referer }, port, token)?.status, referer).toBe(403);
    }
    // The query token is the printed URL itself: a navigation with it needs no Referer.
    const byQuery = {
      ...byCookie,
      cookie: undefined,
      url: new URL(`http://127.0.0.1:${port}/?token=${token}`),
    };
    expect(checkRequest(byQuery, port, token)).toBeNull();
    expect(refererIsOwn(undefined, port)).toBe(false);
  });

  it('parses only origin-form request targets, never throwing', () => {
    expect(parseRequestTarget('/a/b?c=1')?.pathname).toBe('/a/b');
    expect(parseRequestTarget('//[')?.pathname).toBe('//[');
    expect(parseRequestTarget('//evil.example/x')?.host).toBe('127.0.0.1');
    for (const raw of ['http://[', 'http://127.0.0.1/', '127.0.0.1:80', '*', '', undefined]) {
      expect(parseRequestTarget(raw), String(raw)).toBeNull();
    }
  });

  it('knows loopback addresses', () => {
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
  });
});
