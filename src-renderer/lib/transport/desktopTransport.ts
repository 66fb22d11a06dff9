// Desktop: the sandboxed preload's `window.studio`, one function per channel.
import type { PreloadApi, StudioTransport } from '../../../src-main/shared/studioApi';
import type { Result } from '../../../src-main/shared/result';

export function desktopApi(): PreloadApi | null {
  const candidate = (window as unknown as { studio?: PreloadApi }).studio;
  return candidate ?? null;
}

export function desktopTransport(api: PreloadApi): StudioTransport {
  return {
    kind: 'desktop',
    call: async (channel, request) => (await api[channel](request)) as Result<never>,
    on: (event, listener) => api.subscribe[event]((payload) => listener(payload as never)),
  };
}
