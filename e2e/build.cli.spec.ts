// What `electron-vite build` must produce for the desktop app: an ESM main process with the engine,
// server and CLI beside it, a CommonJS preload (required by sandbox: true) and the renderer with
// its CSP. Checked on the built files; launching needs the Electron binary (app.electron.spec.ts).
import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';

test('the build holds main, engine, server, CLI, a CommonJS preload and the renderer', () => {
  for (const entry of ['main', 'engine', 'server', 'cli'])
    expect(existsSync(`out/main/${entry}.js`), entry).toBe(true);
  const preload = readFileSync('out/preload/preload.cjs', 'utf8');
  expect(preload).toMatch(/require\(["']electron["']\)/);
  expect(preload).not.toMatch(/^\s*import\s/m);
  expect(preload).toContain('exposeInMainWorld');
  const html = readFileSync('out/renderer/index.html', 'utf8');
  expect(html).toContain('Content-Security-Policy');
  expect(html).toContain("script-src 'self'");
  expect(html).not.toMatch(/<script>(?!\s*<\/script>)/);
  const main = readFileSync('out/main/main.js', 'utf8');
  expect(main).toContain('sandbox: true');
  expect(main).toContain('contextIsolation: true');
  expect(main).toContain('nodeIntegration: false');
  // The renderer is served on app:// (appProtocol.ts), not file://, so the CSP header applies.
  expect(main).toContain('registerSchemesAsPrivileged');
  expect(main).toContain('protocol.handle(');
  expect(main).toContain('app://studio/index.html');
  expect(main).not.toContain('pathToFileURL');
  expect(existsSync('src-main/engine/kernels/build/rnn.wasm')).toBe(true);
});

test('electron-builder.yml packages the datasets and kernels and keeps tfjs-node unpacked and unrebuilt', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  expect(yml).toMatch(/from: resources\/datasets/);
  expect(yml).toMatch(/from: src-main\/engine\/kernels\/build/);
  expect(yml).toMatch(/asarUnpack:[\s\S]*@tensorflow\/tfjs-node/);
  expect(yml).toMatch(/npmRebuild: false/);
  for (const target of ['AppImage', 'deb', 'dmg', 'nsis']) expect(yml).toContain(target);
});

test('electron-builder.yml flips the Electron fuses', () => {
  const yml = readFileSync('electron-builder.yml', 'utf8');
  const fuses = /^electronFuses:\n((?: {2}\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
  expect(
    Object.fromEntries(
      fuses
        .trim()
        .split('\n')
        .map((line) => line.trim().split(': ') as [string, string]),
    ),
  ).toEqual({
    runAsNode: 'false',
    enableNodeOptionsEnvironmentVariable: 'false',
    enableNodeCliInspectArguments: 'false',
    enableEmbeddedAsarIntegrityValidation: 'true',
    onlyLoadAppFromAsar: 'true',
    grantFileProtocolExtraPrivileges: 'false',
    enableCookieEncryption: 'true',
  });
});
