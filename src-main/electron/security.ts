// Every window and webContents gets the same locks: no navigation away from the app, no new
// windows, no permission grants, no webviews, and a strict CSP on every response.
import { app, session, type WebContents } from 'electron';
import { contentSecurityPolicy } from '../server/staticFiles';
import { isAppUrl } from './isAppUrl';

export { isAppUrl };

export function lockDownWebContents(contents: WebContents, rendererUrl: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // The app has no external links; nothing opens a window or hands a URL to the OS.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function installSessionPolicies(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
