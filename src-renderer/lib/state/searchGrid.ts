// The search form's "values per parameter" text fields, turned into the grid the engine expects.
import type { SearchParam } from '../../../src-main/shared/schemas/search';

export const searchParams: { id: SearchParam; label: string; integer: boolean }[] = [
  { id: 'cell', label: 'Cell', integer: false },
  { id: 'layers', label: 'Layers', integer: true },
  { id: 'units', label: 'Units', integer: true },
  { id: 'lookback', label: 'Lookback', integer: true },
  { id: 'dropout', label: 'Dropout', integer: false },
  { id: 'learningRate', label: 'Learning rate', integer: false },
  { id: 'batchSize', label: 'Batch size', integer: true },
];

const cells = new Set(['lstm', 'gru', 'rnn']);

export type ParsedValues = { ok: true; values: (string | number)[] } | { ok: false; error: string };

/** Comma- or space-separated values; an empty field means "not searched". */
export function parseValues(param: SearchParam, text: string): ParsedValues {
  const parts = text
    .split(/[,\s;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (param === 'cell') {
    const lower = parts.map((p) => p.toLowerCase());
    const bad = lower.find((p) => !cells.has(p));
    if (bad !== undefined) return { ok: false, error: `"${bad}" is not lstm, gru or rnn` };
    return { ok: true, values: [...new Set(lower)] };
  }
  const integer = searchParams.find((p) => p.id === param)?.integer ?? false;
  const values: number[] = [];
  for (const part of parts) {
    const v = Number(part);
    if (!Number.isFinite(v)) return { ok: false, error: `"${part}" is not a number` };
    if (integer && !Number.isInteger(v))
      return { ok: false, error: `${part} is not a whole number` };
    if (!values.includes(v)) values.push(v);
  }
  return { ok: true, values };
}

/** Number of combinations a full grid over these values has (1 when nothing varies). */
export function gridSize(grid: Partial<Record<SearchParam, readonly unknown[]>>): number {
  return Object.values(grid).reduce((n, values) => n * Math.max(1, values?.length ?? 1), 1);
}
