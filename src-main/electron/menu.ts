import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { MenuCommand } from '../shared/schemas/app';
import type { RecentFile } from './recentFiles';

export function buildMenu(
  send: (command: MenuCommand, filePath?: string) => void,
  recent: readonly RecentFile[],
): Menu {
  const isMac = process.platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent files', enabled: false }]
      : recent.map((r) => ({
          label: `${path.basename(r.path)} — ${path.dirname(r.path)}`,
          click: () => send('open-recent', r.path),
        }));
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open CSV…', accelerator: 'CmdOrCtrl+O', click: () => send('open-csv') },
        {
          label: 'Open Project…',
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => send('open-project'),
        },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Save Project', accelerator: 'CmdOrCtrl+S', click: () => send('save-project') },
        {
          label: 'Save Project As…',
          accelerator: 'CmdOrCtrl+Shift+S',
          click: () => send('save-project-as'),
        },
        { type: 'separator' },
        { label: 'Export Report…', accelerator: 'CmdOrCtrl+P', click: () => send('export-report') },
        {
          label: 'Export Predictions…',
          accelerator: 'CmdOrCtrl+E',
          click: () => send('export-predictions'),
        },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        {
          label: 'Toggle Theme',
          accelerator: 'CmdOrCtrl+Shift+T',
          click: () => send('toggle-theme'),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: '&Run',
      submenu: [
        { label: 'Train', accelerator: 'CmdOrCtrl+Enter', click: () => send('train') },
        { label: 'Cancel', accelerator: 'Escape', click: () => send('cancel') },
      ],
    },
    { label: '&Help', submenu: [{ label: 'About Series Studio', click: () => send('about') }] },
  ];
  return Menu.buildFromTemplate(template);
}
