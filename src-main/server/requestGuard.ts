// Pure checks the browser-mode server applies to every HTTP and WebSocket request. Browser mode is
// reachable by every page the user has open, so: loopback peers only, the exact Host we bound to
// (DNS rebinding), our own Origin, and the per-run token compared in constant time. A token that
// arrives only as the cookie must also come with our Origin or Referer: the browser attaches the
// cookie to requests any other page on 127.0.0.1 fires (an `<img src>`; another port is the same
// *site* to Chromium, so SameSite=Strict does not stop it).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('hex'); // 256 bits
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).has(hostHeader.toLowerCase());
}

function isOwnOrigin(origin: string, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** A missing Origin is fine for plain navigation; a present one must be ours. */
export function originAllowed(
  origin: string | undefined,
  port: number,
  required: boolean,
): boolean {
  if (origin === undefined) return !required;
  return isOwnOrigin(origin, port);
}

/** The Referer's origin is ours (a missing or unparsable Referer is not). */
export function refererIsOwn(referer: string | undefined, port: number): boolean {
  if (referer === undefined) return false;
  try {
    return isOwnOrigin(new URL(referer).origin, port);
  } catch {
    return false;
  }
}

/**
 * The request target as a URL, accepting only origin form (`/path?query`): browsers send nothing
 * else to a server that is not a proxy, and an absolute or authority form (`http://[`, `//[`) must
 * never reach `new URL` unguarded — it throws. Null means "answer 400".
 */
export function parseRequestTarget(raw: string | undefined): URL | null {
  if (raw === undefined || !raw.startsWith('/')) return null;
  try {
    // Prefixing a fixed origin keeps `//host/...` a path, never an authority.
    return new URL(`http://127.0.0.1${raw}`);
  } catch {
    return null;
  }
}

/** The cookie is named after the port, so two servers (or a stale tab) never mix tokens. */
export function tokenCookieName(port: number): string {
  return `studio_token_${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export interface GivenToken {
  token: string;
  via: 'query' | 'cookie';
}

export function tokenFromRequest(
  url: URL,
  cookieHeader: string | undefined,
  port: number,
): GivenToken | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return { token: fromQuery, via: 'query' };
  const name = tokenCookieName(port);
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return { token: rest.join('='), via: 'cookie' };
  }
  return null;
}

export type Refusal = { status: number; reason: string } | null;

export interface GuardInput {
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  url: URL;
  cookie: string | undefined;
  websocket: boolean;
}

export function checkRequest(input: GuardInput, port: number, token: string): Refusal {
  if (!isLoopbackAddress(input.remoteAddress))
    return { status: 403, reason: 'not a loopback peer' };
  if (!hostAllowed(input.host, port)) return { status: 421, reason: 'unexpected Host header' };
  if (!originAllowed(input.origin, port, input.websocket))
    return { status: 403, reason: 'foreign Origin' };
  const given = tokenFromRequest(input.url, input.cookie, port);
  if (!given || !tokensMatch(token, given.token)) {
    return { status: 401, reason: 'missing or wrong token' };
  }
  // The cookie rides along on requests other pages make; only our own pages may use it. (A present
  // Origin was checked above; without one, the Referer must be ours.)
  if (given.via === 'cookie' && input.origin === undefined && !refererIsOwn(input.referer, port)) {
    return { status: 403, reason: 'the token cookie needs our Origin or Referer' };
  }
  return null;
}
