// Electron main process: lifecycle, the window, IPC registration. Domain work happens in the engine
// utility process; this file only wires the pieces together.
import { app, BrowserWindow, Menu } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineClient } from '../host/engineClient';
import { FileAccess } from '../host/fileAccess';
import { createStudioHost } from '../host/studioHost';
import type { EventName } from '../shared/channelNames';
import { registerContractHandlers } from './ipc';
import { buildMenu } from './menu';
import { askBeforeClosing } from './closeGuard';
import { RecentFiles } from './recentFiles';
import { loadWindowState, trackWindowState } from './windowState';
import type { MenuCommand } from '../shared/schemas/app';
import { desktopServices } from './desktopServices';
import { APP_ENTRY_URL } from './appProtocol';
import {
  installSessionPolicies,
  lockDownAppWindow,
  registerAppScheme,
  serveAppProtocol,
} from './security';
import { utilityLauncher } from './utilityLauncher';

const builtDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(builtDir, '../..');
const resourcesDir = app.isPackaged ? process.resourcesPath : path.join(repoRoot, 'resources');
const rendererDir = path.join(builtDir, '../renderer');
// The built renderer is served on app:// (appProtocol.ts), so its responses carry the CSP header.
const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? APP_ENTRY_URL;

app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

function emit(event: EventName, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
}

const userData = app.getPath('userData');
const recent = new RecentFiles(path.join(userData, 'recent.json'));
const files = new FileAccess({
  samplesDir: path.join(resourcesDir, 'datasets'),
  uploadsDir: path.join(app.getPath('temp'), 'series-studio-uploads'),
  policy: 'chosen-only',
});
// Files on the recent list were chosen by the user before.
for (const item of recent.list()) files.allow(item.path);
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
  workDir: path.join(userData, 'session'),
  dataDir: userData,
  engine,
  files,
  emit,
  desktop: desktopServices(() => mainWindow),
  onFileUsed: (file, kind) => {
    recent.add({ path: file, kind });
    app.addRecentDocument(file);
    refreshMenu();
  },
});

function refreshMenu(): void {
  const send = (command: MenuCommand, file?: string): void =>
    emit('menu:command', file ? { command, path: file } : { command });
  Menu.setApplicationMenu(buildMenu(send, recent.list()));
}

let closeDecided = false;
let keptForNextTime = false;

function createWindow(): void {
  const stateFile = path.join(userData, 'window.json');
  const saved = loadWindowState(stateFile);
  mainWindow = new BrowserWindow({
    width: saved?.bounds.width ?? 1400,
    height: saved?.bounds.height ?? 900,
    ...(saved ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
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
  lockDownAppWindow(mainWindow.webContents, rendererUrl);
  trackWindowState(mainWindow, stateFile);
  mainWindow.once('ready-to-show', () => {
    if (saved?.maximized) mainWindow?.maximize();
    mainWindow?.show();
  });
  mainWindow.on('close', (event) => {
    const window = mainWindow;
    if (closeDecided || !window || !host.isDirty()) return;
    event.preventDefault();
    void askBeforeClosing(window).then(async (decision) => {
      if (decision === 'cancel') return;
      closeDecided = true;
      if (decision === 'keep') {
        keptForNextTime = true;
        await host.dispose({ keepRecovery: true });
      }
      window.close();
    });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(rendererUrl);
}

void app.whenReady().then(() => {
  serveAppProtocol(rendererDir);
  installSessionPolicies();
  registerContractHandlers(host, rendererUrl);
  refreshMenu();
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
  // If the user chose "keep for next time", dispose already wrote the recovery file; a second
  // dispose must not clear it.
  void (keptForNextTime ? Promise.resolve() : host.dispose())
    .then(() => engine.dispose())
    .finally(() => app.quit());
});
