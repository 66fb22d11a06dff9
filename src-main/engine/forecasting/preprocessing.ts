// The preprocessing of the forecasting pipeline, decided on the rows a model trains on (the
// training part for evaluation, all rows for the forecast past the end):
// 1. deseasonalise by classical decomposition when the 90% seasonality test passes
//    (multiplicative for positive data, additive otherwise); reseasonalise the forecasts;
// 2. normalise each window by its last input level (log ratio for positive data, else the
//    difference scaled by the mean |value|).
// Either may be forced by the settings ('multiplicative' | 'additive' | 'none', 'ratio' |
// 'difference'); 'auto' decides.
import { deseasonalise, reseasonalise, seasonalFigure, type SeasonalMode } from './decomposition';
import { chooseNormalisation, type LocalNorm, type WindowNormalisation } from './localWindows';
import { seasonalityTest, type SeasonalityTest } from './seasonality';

export type SeasonalitySetting = 'auto' | SeasonalMode | 'none';
export type NormalisationSetting = 'auto' | WindowNormalisation;

export interface SeasonalAdjustment {
  mode: SeasonalMode | 'none';
  period: number;
  /** figure[t mod period]; empty when mode is 'none'. */
  figure: number[];
  test: SeasonalityTest | null;
  reason: string;
}

export interface Preprocessing {
  /** Rows [0, fitEnd) decided it. */
  fitEnd: number;
  seasonal: SeasonalAdjustment;
  norm: LocalNorm;
  normReason: string;
}

const allPositive = (x: ArrayLike<number>): boolean => {
  for (let i = 0; i < x.length; i++) if (!((x[i] ?? Number.NaN) > 0)) return false;
  return true;
};

export function decideSeasonal(
  train: Float64Array,
  m: number,
  setting: SeasonalitySetting,
): SeasonalAdjustment {
  const period = Math.max(1, Math.floor(m));
  const none = (reason: string, test: SeasonalityTest | null): SeasonalAdjustment => ({
    mode: 'none',
    period,
    figure: [],
    test,
    reason,
  });
  if (setting === 'none') return none('seasonal adjustment switched off', null);
  if (period <= 1) return none('no seasonal period', null);
  if (train.length < 2 * period)
    return none(`${train.length} training rows, fewer than 2 seasons of ${period}`, null);
  const positive = allPositive(train);
  if (setting === 'auto') {
    const test = seasonalityTest(train, period);
    if (!test.seasonal)
      return none(
        test.skipped
          ? `seasonality test not run: ${test.skipped}`
          : `not seasonal: |r_${period}| = ${Math.abs(test.rm).toFixed(3)} ≤ ${test.threshold.toFixed(3)}`,
        test,
      );
    const mode: SeasonalMode = positive ? 'multiplicative' : 'additive';
    const figure = Array.from(seasonalFigure(train, period, mode));
    if (mode === 'multiplicative' && figure.some((v) => !(v > 1e-4)))
      return none('multiplicative figure has a zero index', test);
    return {
      mode,
      period,
      figure,
      test,
      reason: `seasonal: |r_${period}| = ${Math.abs(test.rm).toFixed(3)} > ${test.threshold.toFixed(3)} (90% test); ${mode} classical decomposition${positive ? '' : ' (data not all positive)'}`,
    };
  }
  if (setting === 'multiplicative' && !positive)
    return none('multiplicative adjustment needs positive data', null);
  return {
    mode: setting,
    period,
    figure: Array.from(seasonalFigure(train, period, setting)),
    test: null,
    reason: `${setting} classical decomposition (chosen in the settings)`,
  };
}

export function decidePreprocessing(
  series: Float64Array,
  fitEnd: number,
  m: number,
  settings: { seasonality: SeasonalitySetting; normalisation: NormalisationSetting },
): Preprocessing {
  const train = series.subarray(0, fitEnd);
  const seasonal = decideSeasonal(train, m, settings.seasonality);
  const adjusted = adjustSeries(series, seasonal);
  // Ratios need every value (inputs of later windows too) to be positive.
  const auto = chooseNormalisation(adjusted);
  let norm = auto;
  let normReason =
    auto.kind === 'ratio'
      ? 'log ratio to the last input level (positive data)'
      : 'difference from the last input level, over mean |value| (data not all positive)';
  if (settings.normalisation === 'difference' && auto.kind === 'ratio') {
    norm = { kind: 'difference', scale: 1 };
    normReason = 'difference from the last input level, over mean |value| (chosen in the settings)';
  } else if (settings.normalisation === 'ratio' && auto.kind !== 'ratio') {
    normReason += '; ratios were asked for but need positive data';
  }
  if (norm.kind === 'difference') {
    // The size is a training-part statistic.
    let s = 0;
    const trainAdjusted = adjusted.subarray(0, fitEnd);
    for (const v of trainAdjusted) s += Math.abs(v);
    const scale = trainAdjusted.length > 0 ? s / trainAdjusted.length : 1;
    norm = { kind: 'difference', scale: scale > 0 ? scale : 1 };
  }
  return { fitEnd, seasonal, norm, normReason };
}

/** The series with the seasonal adjustment applied (a copy). */
export function adjustSeries(series: Float64Array, s: SeasonalAdjustment): Float64Array {
  return s.mode === 'none' ? Float64Array.from(series) : deseasonalise(series, s.figure, s.mode);
}

/** Adjusted-scale forecasts of rows start.. back to the series' units. */
export function unadjust(
  values: ArrayLike<number>,
  start: number,
  s: SeasonalAdjustment,
): Float64Array {
  return s.mode === 'none'
    ? Float64Array.from(values)
    : reseasonalise(values, s.figure, s.mode, start);
}
