// Serves the built renderer: files under one root only, no directory listing, no dotfiles.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export type StaticTarget = { status: 200; file: string } | { status: 400 | 404 };

/**
 * The file a request path names, inside `root` only: 400 for a path that does not decode (a bad
 * %-escape such as `/%` or `/%E0%A4%A` — `decodeURIComponent` throws), 404 for anything that is not
 * a regular, visible file under the root.
 */
export async function resolveStatic(root: string, pathname: string): Promise<StaticTarget> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const target = path.resolve(root, relative);
  const inside = target.startsWith(path.resolve(root) + path.sep);
  const hidden = relative.split(/[\\/]/).some((part) => part.startsWith('.'));
  if (!inside || hidden) return { status: 404 };
  try {
    return (await fs.stat(target)).isFile() ? { status: 200, file: target } : { status: 404 };
  } catch {
    return { status: 404 };
  }
}

export function staticHeaders(file: string): Record<string, string> {
  return {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    // Our own pages send their full address to us (the cookie check relies on that Referer) and
    // nothing, not even the origin, anywhere else.
    'referrer-policy': 'same-origin',
  };
}
