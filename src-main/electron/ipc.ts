// Registers one ipcMain handler per contract channel. The sender frame must be our own renderer;
// everything else about the request is checked by the studio host (parsed from unknown).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../shared/channelNames';
import { fail } from '../shared/result';
import type { StudioHost } from '../host/studioHost';
import { isAppUrl } from './security';

export function registerContractHandlers(host: StudioHost, rendererUrl: string): void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isAppUrl(frameUrl, rendererUrl) || event.senderFrame?.parent) {
        return fail('forbidden', 'Calls are accepted only from the Series Studio window.');
      }
      return host.handle(channel, payload);
    });
  }
}
