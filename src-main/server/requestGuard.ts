// Pure checks the browser-mode server applies to every HTTP and WebSocket request. Browser mode is
// reachable by every page the user has open, so: loopback peers only, the exact Host we bound to
// (DNS rebinding), our own Origin, and the per-run token compared in constant time.
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

/** A missing Origin is fine for plain navigation; a present one must be ours. */
export function originAllowed(
  origin: string | undefined,
  port: number,
  required: boolean,
): boolean {
  if (origin === undefined) return !required;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenFromRequest(url: URL, cookieHeader: string | undefined): string | null {
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === 'studio_token') return rest.join('=');
  }
  return null;
}

export type Refusal = { status: number; reason: string } | null;

export interface GuardInput {
  remoteAddress: string | undefined;
  host: string | undefined;
  origin: string | undefined;
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
  if (!tokensMatch(token, tokenFromRequest(input.url, input.cookie))) {
    return { status: 401, reason: 'missing or wrong token' };
  }
  return null;
}
