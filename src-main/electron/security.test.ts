// The desktop lock-down, tested where Electron's binary is absent: the real handlers (lockDown.ts,
// appProtocol.ts, isAppUrl.ts) against a fake WebContents and Session that record what Electron
// would be told. The real window is launched by e2e/electron.spec.ts on machines with the binary.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../shared/contentSecurityPolicy';
import { ok } from '../shared/result';
import { APP_ENTRY_URL, appResponse, appSchemePrivileges, resolveAppRequest } from './appProtocol';
import { isAppUrl } from './isAppUrl';
import {
  contractListener,
  installSessionPolicies,
  isTrustedSender,
  lockDownAppWindow,
  lockDownPrintWindow,
  type HeaderMap,
  type LockableContents,
  type PolicySession,
  type Preventable,
} from './lockDown';

type Listener = (event: Preventable, url: string) => void;

/** Records listeners and the window-open handler the way a WebContents holds them. */
class FakeWebContents implements LockableContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: (() => { action: 'deny' }) | null = null;

  on(event: 'will-navigate' | 'will-redirect', listener: Listener): this;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): this;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits `event` as Electron would; true when some listener prevented it. */
  emit(event: string, url?: string): boolean {
    let prevented = false;
    const e: Preventable = { preventDefault: () => (prevented = true) };
    for (const listener of this.listeners.get(event) ?? []) listener(e, url ?? '');
    return prevented;
  }
}

const ENTRY = APP_ENTRY_URL;

/** A locked window attaches no webview (the event is prevented) and opens no other window. */
function expectOpensNothing(contents: FakeWebContents): void {
  expect(contents.emit('will-attach-webview')).toBe(true);
  expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
}

describe('isAppUrl', () => {
  it('accepts only the app page itself on app://', () => {
    expect(ENTRY).toBe('app://studio/index.html');
    expect(isAppUrl(ENTRY, ENTRY)).toBe(true);
    expect(isAppUrl('app://studio/index.html#runs', ENTRY)).toBe(true);
    expect(isAppUrl('app://studio/other.html', ENTRY)).toBe(false);
    expect(isAppUrl('app://evil/index.html', ENTRY)).toBe(false);
    expect(isAppUrl('file:///opt/series-studio/out/renderer/index.html', ENTRY)).toBe(false);
    expect(isAppUrl('https://example.com/', ENTRY)).toBe(false);
    expect(isAppUrl('not a url', ENTRY)).toBe(false);
  });

  it('never matches opaque origins ("null" for data:, javascript:, about:)', () => {
    const data = 'data:text/html;base64,PGgxPng8L2gxPg==';
    expect(isAppUrl('data:text/html,<script>x</script>', data)).toBe(false);
    expect(isAppUrl('javascript:alert(1)', data)).toBe(false);
    expect(isAppUrl('about:blank', 'about:blank')).toBe(false);
  });

  it('accepts the dev server by origin, in development only', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('window lock-down (fake WebContents)', () => {
  it('the main window stays on its page and opens nothing', () => {
    const contents = new FakeWebContents();
    lockDownAppWindow(contents, ENTRY);
    expect([...contents.listeners.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.emit('will-navigate', ENTRY)).toBe(false);
    expect(contents.emit('will-navigate', 'https://example.com/')).toBe(true);
    expect(contents.emit('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-redirect', ENTRY)).toBe(false);
    expect(contents.emit('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expectOpensNothing(contents);
  });

  it('the hidden PDF window gets the same locks and may not navigate at all', () => {
    const contents = new FakeWebContents();
    lockDownPrintWindow(contents);
    expect(contents.emit('will-navigate', 'data:text/html,<p>other</p>')).toBe(true);
    expect(contents.emit('will-navigate', ENTRY)).toBe(true);
    expect(contents.emit('will-redirect', 'https://example.com/')).toBe(true);
    expectOpensNothing(contents);
  });
});

describe('session policies (fake Session)', () => {
  function fakeSession() {
    const recorded: {
      request?: Parameters<PolicySession['setPermissionRequestHandler']>[0];
      check?: () => boolean;
      headers?: Parameters<PolicySession['webRequest']['onHeadersReceived']>[0];
    } = {};
    const ses: PolicySession = {
      setPermissionRequestHandler: (h) => (recorded.request = h),
      setPermissionCheckHandler: (h) => (recorded.check = h),
      webRequest: { onHeadersReceived: (l) => (recorded.headers = l) },
    };
    installSessionPolicies(ses);
    return recorded;
  }

  it('refuses every permission request and check', () => {
    const s = fakeSession();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const answers: boolean[] = [];
      s.request?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
    }
    expect(s.check?.()).toBe(false);
  });

  it('puts our CSP on every response, replacing any the response brought', () => {
    const s = fakeSession();
    const out: HeaderMap[] = [];
    s.headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (r) => out.push(r.responseHeaders),
    );
    expect(out).toEqual([{ 'X-Other': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] }]);
  });
});

describe('IPC sender check', () => {
  const calls: [string, unknown][] = [];
  const listener = contractListener(
    async (channel, payload) => {
      calls.push([channel, payload]);
      return ok('answered');
    },
    'app:info',
    ENTRY,
  );
  const forbidden = {
    ok: false,
    error: { code: 'forbidden', message: 'Calls are accepted only from the Series Studio window.' },
  };

  it('passes calls from the app page in the top frame to the host', async () => {
    expect(await listener({ senderFrame: { url: ENTRY, parent: null } }, { a: 1 })).toEqual({
      ok: true,
      value: 'answered',
    });
    expect(calls).toEqual([['app:info', { a: 1 }]]);
  });

  it('refuses sub-frames, other pages and a missing frame without calling the host', async () => {
    const top = { url: ENTRY, parent: null };
    for (const senderFrame of [
      { url: ENTRY, parent: top },
      { url: 'https://example.com/', parent: null },
      { url: 'data:text/html,x', parent: null },
      null,
    ])
      expect(await listener({ senderFrame }, {})).toEqual(forbidden);
    expect(calls).toHaveLength(1);
    expect(isTrustedSender(undefined, ENTRY)).toBe(false);
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'app-proto-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><p>studio</p>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(path.join(rendererDir, '.secret'), 'x');
  writeFileSync(path.join(root, 'outside.txt'), 'outside');
  symlinkSync(path.join(root, 'outside.txt'), path.join(rendererDir, 'link.txt'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is registered as a standard, secure scheme', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    });
  });

  it('serves the renderer files with the CSP header', async () => {
    const page = await appResponse({ url: ENTRY, method: 'GET' }, rendererDir);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><p>studio</p>');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await appResponse(
      { url: 'app://studio/assets/app.js', method: 'GET' },
      rendererDir,
    );
    expect([script.status, script.headers.get('content-type')]).toEqual([
      200,
      'text/javascript; charset=utf-8',
    ]);
    expect(await resolveAppRequest('app://studio/', 'GET', rendererDir)).toEqual({
      status: 200,
      file: path.join(rendererDir, 'index.html'),
    });
  });

  it('refuses traversal, links out, dotfiles, other hosts, bad escapes and writes', async () => {
    const status = async (url: string, method = 'GET'): Promise<number> =>
      (await resolveAppRequest(url, method, rendererDir)).status;
    expect(await status('app://studio/../outside.txt')).toBe(404);
    expect(await status('app://studio/%2e%2e/outside.txt')).toBe(404);
    expect(await status('app://studio/assets/%2e%2e%2f%2e%2e%2foutside.txt')).toBe(404);
    expect(await status('app://studio/..%5coutside.txt')).toBe(404);
    expect(await status(`app://studio/${encodeURIComponent(path.join(root, 'outside.txt'))}`)).toBe(
      404,
    );
    expect(await status('app://studio/link.txt')).toBe(404);
    expect(await status('app://studio/.secret')).toBe(404);
    expect(await status('app://studio/assets')).toBe(404);
    expect(await status('app://studio/missing.js')).toBe(404);
    expect(await status('app://other/index.html')).toBe(404);
    expect(await status('app://studio/%E0%A4%A')).toBe(400);
    expect(await status('app://studio/a%00b')).toBe(400);
    expect(await status(ENTRY, 'POST')).toBe(405);
    const refused = await appResponse(
      { url: 'app://studio/../outside.txt', method: 'GET' },
      rendererDir,
    );
    expect([refused.status, await refused.text()]).toEqual([404, '']);
  });
});
