import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/schemas/app';

export function buildMenu(send: (command: MenuCommand) => void): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open CSV…', accelerator: 'CmdOrCtrl+O', click: () => send('open-csv') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: 'Toggle Theme', accelerator: 'CmdOrCtrl+Shift+T', click: () => send('toggle-theme') },
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
