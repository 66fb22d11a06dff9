// Registers one ipcMain handler per contract channel. The sender frame must be our own renderer's
// top frame (lockDown.ts); everything else about the request is checked by the studio host.
import { ipcMain } from 'electron';
import { channelNames } from '../shared/channelNames';
import type { StudioHost } from '../host/studioHost';
import { contractListener } from './lockDown';

export function registerContractHandlers(host: StudioHost, rendererUrl: string): void {
  for (const channel of channelNames)
    ipcMain.handle(
      channel,
      contractListener((c, payload) => host.handle(c, payload), channel, rendererUrl),
    );
}
