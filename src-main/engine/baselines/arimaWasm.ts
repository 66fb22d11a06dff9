// Loads the `arima` package (ctsa compiled to WebAssembly) with its printf output captured. The
// package's JS API returns forecasts only, so the chosen order and the coefficients are read from
// the AutoARIMA summary it prints in verbose mode. We build our own module instance (from the
// package's files) because the default export binds printing to the console at load time.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SarimaCoefficients, SarimaOrder } from './arimaFilter';

export interface ArimaInstance {
  train(ts: number[]): ArimaInstance;
  predict(length: number): [number[], number[]];
  destroy(): void;
}
export type ArimaConstructor = new (options: Record<string, number | boolean>) => ArimaInstance;

interface Loaded {
  ARIMA: ArimaConstructor;
  lines: string[];
}
let loaded: Loaded | null = null;

/** Synchronous WebAssembly compile: fine in Node/Electron main, not in a Chrome renderer. */
export function loadArima(): Loaded {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('arima'));
  // Deep paths by absolute file name: the package's "exports" map hides them from bare specifiers.
  const createModule = require(path.join(dir, 'wasm', 'native-sync.js')) as (o: object) => unknown;
  const wasmBinary = require(path.join(dir, 'wrapper', 'native.bin.js')) as unknown;
  const wrap = require(path.join(dir, 'load.js')) as (m: unknown) => ArimaConstructor;
  const lines: string[] = [];
  const capture = (line: string): void => {
    lines.push(line);
  };
  const module = createModule({ wasmBinary, print: capture, printErr: capture });
  loaded = { ARIMA: wrap(module), lines };
  return loaded;
}

/** Drops the cached instance, e.g. after a WebAssembly abort left it unusable. */
export function resetArima(): void {
  loaded = null;
}

export interface ArimaSummary {
  order: SarimaOrder;
  coefficients: SarimaCoefficients;
  sigma2: number;
  aic: number;
  converged: boolean;
  exitMessage: string;
}

function lineValue(lines: string[], label: RegExp): number | undefined {
  for (const line of lines) {
    const m = label.exec(line);
    if (m?.[1] !== undefined) return Number(m[1]);
  }
  return undefined;
}

const NUM = '([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?|-?nan|-?inf)';

/** Parses the last "AutoARIMA summary" block (ctsa's auto_arima_summary) in the captured output. */
export function parseArimaSummary(output: readonly string[], s: number): ArimaSummary | null {
  const startAt = output.findLastIndex((l) => /ARIMA Seasonal Order/.test(l));
  if (startAt < 0) return null;
  const header = /\(\s*(\d+),\s*(\d+),\s*(\d+)\)\s*\*\s*\((\d+),\s*(\d+),\s*(\d+)\)/.exec(
    output[startAt] ?? '',
  );
  if (!header) return null;
  // The header regex has all six groups, so the defaults never apply.
  const [p = 0, d = 0, q = 0, P = 0, D = 0, Q = 0] = header.slice(1, 7).map(Number);
  const block = output.slice(Math.max(0, startAt - 6));
  const rows = (prefix: string, count: number): number[] =>
    Array.from(
      { length: count },
      (_, i) => lineValue(block, new RegExp(`^${prefix}${i + 1}\\s+${NUM}`, 'i')) ?? Number.NaN,
    );
  const exitMessage =
    block
      .find((l) => l.startsWith('Exit Message'))
      ?.split(':')[1]
      ?.trim() ?? '';
  return {
    order: { p, d, q, P, D, Q, s: P + D + Q > 0 ? s : 0 },
    coefficients: {
      ar: rows('AR', p),
      ma: rows('MA', q),
      sar: rows('SAR', P),
      sma: rows('SMA', Q),
      mean: lineValue(block, new RegExp(`^MEAN\\s+${NUM}`)) ?? 0,
      drift: lineValue(block, new RegExp(`^TREND\\s+${NUM}`)) ?? 0,
    },
    sigma2: lineValue(block, new RegExp(`^SIGMA\\^2\\s+${NUM}`)) ?? Number.NaN,
    aic: lineValue(block, new RegExp(`^AIC criterion\\s*:\\s*${NUM}`)) ?? Number.NaN,
    converged: /Probable Success/.test(exitMessage) || exitMessage === '',
    exitMessage,
  };
}
