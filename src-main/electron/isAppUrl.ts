/**
 * Whether a URL is the app's own page: the built renderer's entry on the app:// scheme (same
 * scheme, host and path), or the dev server's origin in development. URLs of other schemes have an
 * opaque origin ("null" for data:, javascript:, about: alike), so origins are compared only for
 * http(s).
 */
export function isAppUrl(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const own = new URL(rendererUrl);
    if (own.protocol === 'http:' || own.protocol === 'https:') return target.origin === own.origin;
    return (
      target.protocol === own.protocol &&
      target.host === own.host &&
      own.host !== '' &&
      target.pathname === own.pathname
    );
  } catch {
    return false;
  }
}
