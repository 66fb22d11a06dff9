// The app:// scheme the desktop window loads the built renderer from, instead of file://: a
// response can then carry the CSP header (file:// responses have no headers, so only the meta tag
// protected the page), and the page gets a real origin ('self' = app://studio) rather than file://,
// whose origin covers every file on the disk. Pure Node: main.ts registers it with Electron.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { resolveStatic, staticHeaders } from '../host/staticFiles';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'studio';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * protocol.registerSchemesAsPrivileged entry, before the app is ready: standard (an origin, relative
 * URLs), secure (like https), fetch and CORS-mode requests (the built page loads its script as
 * `<script type="module" crossorigin>`); no service workers, no CSP bypass, no streaming.
 */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
} as const;

export type AppTarget = { status: 200; file: string } | { status: 400 | 404 | 405 };

/**
 * The file an app:// request names: only a regular, visible file under `rootDir` (after resolving
 * links), on host "studio", by GET or HEAD; 400 for a malformed URL or %-escape, 404 for anything
 * outside the folder (`..`, %2e%2e, absolute paths, links out of it, dotfiles, other hosts).
 */
export async function resolveAppRequest(
  url: string,
  method: string,
  rootDir: string,
): Promise<AppTarget> {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 404 };
  const target = await resolveStatic(rootDir, parsed.pathname);
  if (target.status !== 200) return target;
  try {
    const [file, root] = await Promise.all([realpath(target.file), realpath(rootDir)]);
    return file.startsWith(root + path.sep) ? { status: 200, file } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

/** The response to one app:// request (protocol.handle's handler). */
export async function appResponse(
  request: { url: string; method: string },
  rootDir: string,
): Promise<Response> {
  const target = await resolveAppRequest(request.url, request.method, rootDir);
  if (target.status !== 200) {
    return new Response(null, {
      status: target.status,
      headers: { 'content-security-policy': contentSecurityPolicy },
    });
  }
  const body = request.method === 'HEAD' ? null : await readFile(target.file);
  return new Response(body, { status: 200, headers: staticHeaders(target.file) });
}
