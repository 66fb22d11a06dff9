// Electron main process: lifecycle, the window, IPC registration. Domain work happens in the engine
// utility process; this file only wires the pieces together.
import { app, BrowserWindow, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EngineClient } from '../host/engineClient';
import { FileAccess } from '../host/fileAccess';
import { createStudioHost } from '../host/studioHost';
import type { EventName } from '../shared/channelNames';
import { registerContractHandlers } from './ipc';
import { buildMenu } from './menu';
import { desktopServices } from './desktopServices';
import { installSessionPolicies, lockDownWebContents } from './security';
import { utilityLauncher } from './utilityLauncher';

const builtDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(builtDir, '../..');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(repoRoot, 'resources');
const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(builtDir, '../renderer/index.html')).href;

app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

function emit(event: EventName, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
}

const files = new FileAccess({
  samplesDir: path.join(resourcesDir, 'datasets'),
  uploadsDir: path.join(app.getPath('temp'), 'series-studio-uploads'),
  policy: 'chosen-only',
});
const kernelsDir = app.isPackaged
  ? path.join(process.resourcesPath, 'kernels')
  : path.join(repoRoot, 'src-main', 'engine', 'kernels', 'build');
const engine = new EngineClient(utilityLauncher(path.join(builtDir, 'engine.js'), kernelsDir), {
  onStatus: (status) => emit('engine:status', status),
  onLog: (level, message) => emit('app:log', { level, message, at: Date.now() }),
});
const host = createStudioHost({
  mode: 'desktop',
  version: app.getVersion(),
  resourcesDir,
  workDir: path.join(app.getPath('userData'), 'session'),
  dataDir: app.getPath('userData'),
  engine,
  files,
  emit,
  desktop: desktopServices(() => mainWindow),
});

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Series Studio',
    webPreferences: {
      // Suppressed finding, justified: the preload is the typed bridge and exposes one function per
      // contract channel and nothing else (see preload.ts); the window cannot work without it.
      preload: path.join(builtDir, '../preload/preload.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  lockDownWebContents(mainWindow.webContents, rendererUrl);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl);
}

void app.whenReady().then(() => {
  installSessionPolicies();
  registerContractHandlers(host, rendererUrl);
  Menu.setApplicationMenu(buildMenu((command) => emit('menu:command', { command })));
  void engine.start().catch(() => undefined);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting) return;
  // Finish cleanly once: stop jobs, drop the recovery file, stop the engine, then really quit.
  event.preventDefault();
  quitting = true;
  void host
    .dispose()
    .then(() => engine.dispose())
    .finally(() => app.quit());
});
