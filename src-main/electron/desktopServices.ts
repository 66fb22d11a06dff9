// Native dialogs and printing for the studio host, in the desktop app only.
import {
  BrowserWindow,
  dialog,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { DesktopServices } from '../host/studioHost';
import { lockDownPrintWindow } from './lockDown';

const filters: Record<'project' | 'pdf' | 'html', FileFilter[]> = {
  project: [{ name: 'Series Studio project', extensions: ['seriesstudio'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  html: [{ name: 'HTML', extensions: ['html'] }],
};

export function desktopServices(window: () => BrowserWindow | null): DesktopServices {
  async function open(options: OpenDialogOptions): Promise<string | null> {
    const owner = window();
    const result = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }
  async function save(options: SaveDialogOptions): Promise<string | null> {
    const owner = window();
    const result = owner
      ? await dialog.showSaveDialog(owner, options)
      : await dialog.showSaveDialog(options);
    return result.canceled ? null : (result.filePath ?? null);
  }
  return {
    openCsvDialog: () =>
      open({
        title: 'Open a CSV file',
        properties: ['openFile'],
        filters: [{ name: 'CSV', extensions: ['csv', 'tsv', 'txt'] }],
      }),
    chooseOpenPath: (kind) =>
      open({ title: 'Open', properties: ['openFile'], filters: filters[kind] }),
    chooseSavePath: (kind) => save({ title: 'Save', filters: filters[kind] }),
    async printToPdf(html) {
      // A hidden, sandboxed window without JavaScript: the report is static HTML and SVG.
      const printer = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
          disableBlinkFeatures: 'Auxclick',
        },
      });
      // The same locks as the main window: it may not navigate, open windows or attach webviews.
      lockDownPrintWindow(printer.webContents);
      try {
        await printer.loadURL(
          `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
        );
        return await printer.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
      } finally {
        printer.destroy();
      }
    },
  };
}
