// Names of the forecasters a run compares, in words, for tables, legends, verdicts and reports.
// Code keys ("seasonalNaive", "arima") never reach the screen: every view asks here.

/** What views read of a fitted classical model in a run record (its BaselineModel). */
export interface BaselineModelView {
  readonly label?: string;
  /** Forecast past the end of the data (null where a number was not finite). */
  readonly forecast?: readonly (number | null)[];
}

/** What a run carries that can name its baselines (all optional: older runs lack some). */
export interface NamedBaselines {
  baselineNotes?: Record<string, string> | undefined;
  /** Fitted classical models, e.g. { ets: { label: 'ETS(M,Ad,M)' } } (the run record's own). */
  baselineModels?: Readonly<Record<string, BaselineModelView | undefined>> | undefined;
}

const titles: Record<string, string> = {
  naive: 'Naive (last value)',
  seasonalNaive: 'Seasonal naive',
  mean: 'Mean of training part',
  arima: 'ARIMA',
  ets: 'ETS',
  theta: 'Theta',
  combination: 'Combination',
};

const inline: Record<string, string> = {
  naive: 'naive',
  seasonalNaive: 'seasonal naive',
  mean: 'the training mean',
  arima: 'ARIMA',
  ets: 'ETS',
  theta: 'Theta',
  combination: 'the combination',
};

/** Print order of the known forecasters; others follow in their own order. */
export const FORECASTER_ORDER = [
  'naive',
  'seasonalNaive',
  'mean',
  'arima',
  'ets',
  'theta',
  'combination',
] as const;

/** Classical statistical models (as opposed to the simple benchmarks naive, seasonal naive, mean). */
export const CLASSICAL = new Set(['arima', 'ets', 'theta', 'combination']);

export function forecasterRank(key: string): number {
  const i = (FORECASTER_ORDER as readonly string[]).indexOf(key);
  return i === -1 ? FORECASTER_ORDER.length : i;
}

/** The fitted model's own label ("ETS(M,Ad,M)", "ARIMA(1,1,1)(0,1,1)[12]") when the run has one. */
export function fittedLabel(key: string, run: NamedBaselines): string | null {
  const label = run.baselineModels?.[key]?.label;
  if (label) return label;
  if (key === 'arima') {
    const note = run.baselineNotes?.arima ?? '';
    const match = /^(S?ARIMA\([^\s]*)/.exec(note);
    if (match?.[1]) return match[1];
  }
  return null;
}

/** What names a run's own model: its cell, and the parts its combination kept. */
export interface ModelNaming {
  config: { cell: string };
  forecaster?: {
    combination?: { kept?: { network: boolean; peers: readonly string[] } } | null;
  } | null;
}

/**
 * The run's own forecasts in a table row or legend, named for what made them: "Model (LSTM)",
 * "Model (LSTM + ETS + Theta)", or "Model (ETS + ARIMA)" when the combination left the networks
 * out (one step ahead, where they did not beat the classical mean on validation).
 */
export function modelTitle(run: ModelNaming): string {
  const cell = run.config.cell.toUpperCase();
  const kept = run.forecaster?.combination?.kept;
  if (!kept) return `Model (${cell})`;
  const parts = [
    ...(kept.network ? [cell] : []),
    ...kept.peers.map((k) => titles[k] ?? humanise(k)),
  ];
  return `Model (${parts.join(' + ')})`;
}

/** Words for a table row or legend: "Seasonal naive", "ETS(M,Ad,M)". */
export function forecasterTitle(key: string, run: NamedBaselines = {}): string {
  return fittedLabel(key, run) ?? titles[key] ?? humanise(key);
}

/** Words inside a sentence: "loses to seasonal naive", "beats ETS(M,Ad,M)". */
export function forecasterInline(key: string, run: NamedBaselines = {}): string {
  return fittedLabel(key, run) ?? inline[key] ?? humanise(key).toLowerCase();
}

/** "seasonalNaive" → "Seasonal naive" for keys nobody registered. */
function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
