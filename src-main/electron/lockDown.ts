// The window lock-down as plain functions over the few WebContents/Session members they use, so
// they are unit-tested against fakes on every CI (security.test.ts), where Electron's binary may
// be absent. security.ts and ipc.ts wire them to Electron.
import { fail, type Result } from '../shared/result';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { isAppUrl } from './isAppUrl';

export interface Preventable {
  preventDefault(): void;
}

/** What the lock-down needs of a WebContents. */
export interface LockableContents {
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

/**
 * No navigation or redirect except to `isAllowed` URLs, no webviews, no new windows (the app has no
 * external links; nothing opens a window or hands a URL to the OS).
 */
export function lockDownWebContents(
  contents: LockableContents,
  isAllowed: (url: string) => boolean,
): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowed(url)) event.preventDefault();
  });
  denyWebviewsAndWindows(contents);
}

/** No webviews and no new windows, for every webContents. */
export function denyWebviewsAndWindows(
  contents: Pick<LockableContents, 'on' | 'setWindowOpenHandler'>,
): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The main window: only the app's own page. */
export function lockDownAppWindow(contents: LockableContents, rendererUrl: string): void {
  lockDownWebContents(contents, (url) => isAppUrl(url, rendererUrl));
}

/** The hidden PDF window: it is given its page by loadURL and may not go anywhere by itself. */
export function lockDownPrintWindow(contents: LockableContents): void {
  lockDownWebContents(contents, () => false);
}

export type HeaderMap = Record<string, string | string[]>;

/** What the session policies need of a Session. */
export interface PolicySession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: HeaderMap },
        callback: (response: { responseHeaders: HeaderMap }) => void,
      ) => void,
    ): void;
  };
}

/** Every permission request and check is refused; every response carries the CSP. */
export function installSessionPolicies(ses: PolicySession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    // Header names are case-insensitive: drop any CSP the response brought, then set ours.
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({
      responseHeaders: { ...headers, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
}

/** The frame an IPC call came from, as Electron reports it. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** Calls are accepted only from the app's own page in the window's top frame. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  rendererUrl: string,
): boolean {
  return (
    frame !== null &&
    frame !== undefined &&
    (frame.parent === null || frame.parent === undefined) &&
    isAppUrl(frame.url, rendererUrl)
  );
}

/** The ipcMain.handle listener of one channel: the sender check, then the studio host. */
export function contractListener(
  handle: (channel: string, payload: unknown) => Promise<Result<unknown>>,
  channel: string,
  rendererUrl: string,
): (event: { senderFrame: SenderFrame | null }, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    if (!isTrustedSender(event.senderFrame, rendererUrl))
      return fail('forbidden', 'Calls are accepted only from the Series Studio window.');
    return handle(channel, payload);
  };
}
