// Every window and webContents gets the same locks: no navigation away from the app, no new
// windows, no permission grants, no webviews, and a strict CSP on every response (the app://
// protocol sets it on the renderer's own files; onHeadersReceived on everything else). The
// handlers themselves are in lockDown.ts, unit-tested against fakes.
import { app, protocol, session } from 'electron';
import { appResponse, appSchemePrivileges, APP_SCHEME } from './appProtocol';
import { denyWebviewsAndWindows, installSessionPolicies as installPolicies } from './lockDown';

export { isAppUrl } from './isAppUrl';
export { lockDownAppWindow, lockDownPrintWindow } from './lockDown';

/** Before the app is ready: app:// as a standard, secure scheme. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

/** Once ready: app:// serves the built renderer from `rendererDir` and nothing else. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir));
}

export function installSessionPolicies(): void {
  installPolicies(session.defaultSession);
  // Every webContents, whatever creates it, gets no webviews and no windows; navigation is locked
  // per window (lockDownAppWindow, lockDownPrintWindow), as only the window knows its own page.
  app.on('web-contents-created', (_event, contents) => denyWebviewsAndWindows(contents));
}
