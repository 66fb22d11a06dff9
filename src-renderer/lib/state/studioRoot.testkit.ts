// The composition root (StudioState) over a scripted host, for the tests that drive it whole: the
// window its ThemeState reads, and the host's answers for a dataset becoming current.
import { afterEach, beforeEach, vi } from 'vitest';
import type { StudioClient } from '../studioClient';
import { scriptedClient, type ScriptedTransport } from './scriptedTransport.testkit';
import { StudioState } from './studioState.svelte';

/** ThemeState reads the OS theme from the window, the one browser API the root touches: light. */
export function stubWindow(): void {
  vi.stubGlobal('window', {
    matchMedia: () => ({ matches: false, addEventListener: () => undefined }),
  });
}

/** Stubs the window for each test of the calling file, and takes the stub away after it. */
export function stubWindowEachTest(): void {
  beforeEach(stubWindow);
  afterEach(() => {
    vi.unstubAllGlobals();
  });
}

/**
 * The host's answers for a dataset becoming current: its (empty) series window, Explore's analyses
 * failing as not scripted, and no runs.
 */
export function answerShowing(transport: ScriptedTransport): void {
  transport
    .answer('datasets:series', (r) => ({
      ok: true,
      value: {
        datasetId: r.datasetId,
        timeFormat: 'year-month',
        x: [],
        series: [],
        totalPoints: 144,
        downsampled: false,
        method: 'none',
      },
    }))
    .fail('analysis:diagnostics', { code: 'internal', message: 'not scripted' })
    .fail('analysis:transform', { code: 'internal', message: 'not scripted' })
    .fail('analysis:stl', { code: 'internal', message: 'not scripted' })
    .answer('runs:list', []);
}

/** A studio over the real StudioClient and a scripted host that answers `answerShowing`'s calls. */
export function scriptedStudio(): {
  client: StudioClient;
  transport: ScriptedTransport;
  studio: StudioState;
} {
  const { client, transport } = scriptedClient();
  answerShowing(transport);
  return { client, transport, studio: new StudioState(client) };
}
