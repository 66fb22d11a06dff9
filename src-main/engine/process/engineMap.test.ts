// The engine's handler table against the engine map: same names, debug drills only on request,
// and method names in the channels' families.
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { engineMethods as engineMap } from '../../shared/engineMethods';
import { engineMethods } from '../methods/engineMethods';

const saved = process.env.SERIES_STUDIO_DEBUG_METHODS;
afterEach(() => {
  if (saved === undefined) delete process.env.SERIES_STUDIO_DEBUG_METHODS;
  else process.env.SERIES_STUDIO_DEBUG_METHODS = saved;
});

const mapNames = Object.keys(engineMap).sort();
const debugNames = [
  'debug:busy',
  'debug:echo',
  'debug:memberThreads',
  'debug:memory',
  'debug:pid',
  'debug:sleep',
];

describe('the engine map', () => {
  it('has one handler per product method, and the drills only when switched on', () => {
    delete process.env.SERIES_STUDIO_DEBUG_METHODS;
    expect(Object.keys(engineMethods()).sort()).toEqual(
      mapNames.filter((n) => !debugNames.includes(n)),
    );
    process.env.SERIES_STUDIO_DEBUG_METHODS = '1';
    expect(Object.keys(engineMethods()).sort()).toEqual(mapNames);
  });

  it('names methods in the families of the channels (plus engine: and debug:)', () => {
    const families = new Set([
      ...Object.keys(contract).map((c) => c.split(':')[0]),
      'engine',
      'debug',
    ]);
    expect(mapNames.filter((n) => !families.has(n.split(':')[0]))).toEqual([]);
  });

  it('gives every call that is not a job its documented limit, and marks only such calls idempotent', () => {
    const calls = Object.entries(engineMap).flatMap(([name, spec]) =>
      'job' in spec ? [] : [[name, [spec.timeoutMs / 1000, 'idempotent' in spec]] as const],
    );
    expect(Object.fromEntries(calls)).toEqual({
      'engine:backend': [120, true],
      'datasets:sniff': [60, true],
      'datasets:series': [180, true],
      'analysis:diagnostics': [180, true],
      'analysis:stl': [180, true],
      'analysis:transform': [180, true],
      'model:defaults': [180, true],
      'collections:index': [180, true],
      'collections:series': [180, true],
      'runs:delete': [30, true],
      'runs:residuals': [60, true],
      'runs:compare': [60, true],
      'project:hash': [600, true],
      'project:save': [600, false],
      'project:recovery': [600, true],
      'debug:sleep': [1, false],
      'debug:echo': [30, false],
      'debug:pid': [30, true],
      'debug:memory': [30, true],
      'debug:memberThreads': [60, true],
    });
    const jobs = Object.entries(engineMap).filter(([, spec]) => 'job' in spec);
    expect(jobs.filter(([, spec]) => 'timeoutMs' in spec || 'idempotent' in spec)).toEqual([]);
  });
});
