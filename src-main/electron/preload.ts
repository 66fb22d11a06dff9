// Sandboxed preload (built as CommonJS). Exposes exactly one function per contract channel and one
// subscriber per event stream; there is no generic send/invoke.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames } from '../shared/channelNames';

const calls = Object.fromEntries(
  channelNames.map((channel) => [
    channel,
    (request: unknown) => ipcRenderer.invoke(channel, request),
  ]),
);

const subscribe = Object.fromEntries(
  eventNames.map((event) => [
    event,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_e: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  ]),
);

contextBridge.exposeInMainWorld(
  'studio',
  Object.freeze({ ...calls, subscribe: Object.freeze(subscribe) }),
);
