// Grid or random hyperparameter search: each trial is an ordinary fit (so it becomes a run), trials
// are ranked by validation loss only — never by test metrics — and a cancel keeps finished trials.
import {
  DEFAULT_SEARCH_SPACE,
  gridTrials,
  randomTrials,
  rankTrials,
  type SearchSpace,
  type Trial,
} from './searchSpace';
import type { FitSettings, RunResult } from '../shared/schemas/model';
import type { SearchResult } from '../shared/schemas/search';
import { toStudioError } from '../shared/result';

type ParamValue = string | number;

export interface SearchPlan {
  mode: 'grid' | 'random';
  base: FitSettings;
  grid: Partial<Record<string, ParamValue[]>>;
  budget: number;
  seed: number;
}

export interface SearchHooks {
  fit(settings: FitSettings, trial: { index: number; total: number }): Promise<RunResult>;
  signal: AbortSignal;
}

/** The search keys of the interpret module, in the contract's names. */
const keyAlias: Record<string, string> = { cellType: 'cell' };

export function planTrials(plan: SearchPlan): Trial[] {
  const given = Object.entries(plan.grid).filter(
    (e): e is [string, ParamValue[]] => Array.isArray(e[1]) && e[1].length > 0,
  );
  if (plan.mode === 'grid') return gridTrials(Object.fromEntries(given), plan.budget);
  const space: SearchSpace =
    given.length > 0
      ? Object.fromEntries(given.map(([k, values]) => [k, { kind: 'choice' as const, values }]))
      : DEFAULT_SEARCH_SPACE;
  return randomTrials(space, plan.budget, plan.seed).map((t) => ({
    ...t,
    params: Object.fromEntries(Object.entries(t.params).map(([k, v]) => [keyAlias[k] ?? k, v])),
  }));
}

export function bestValLoss(run: RunResult): number {
  const losses = run.epochs
    .map((e) => e.valLoss)
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return losses.length > 0 ? Math.min(...losses) : Number.NaN;
}

export async function runSearch(plan: SearchPlan, hooks: SearchHooks): Promise<SearchResult> {
  const trials = planTrials(plan);
  const done: {
    id: number;
    params: Record<string, ParamValue>;
    valLoss: number;
    run: RunResult | null;
    error: string | null;
  }[] = [];
  for (const [index, trial] of trials.entries()) {
    if (hooks.signal.aborted) break;
    try {
      const run = await hooks.fit({ ...plan.base, ...trial.params } as FitSettings, {
        index,
        total: trials.length,
      });
      if (run.stoppedReason === 'cancelled') break;
      done.push({ id: index, params: trial.params, valLoss: bestValLoss(run), run, error: null });
    } catch (error) {
      if (hooks.signal.aborted) break;
      done.push({
        id: index,
        params: trial.params,
        valLoss: Number.NaN,
        run: null,
        error: toStudioError(error).message,
      });
    }
  }
  const ranked = rankTrials(done);
  const best = ranked.find((t) => t.isBest && t.run !== null);
  return {
    mode: plan.mode,
    planned: trials.length,
    trials: ranked
      .sort((a, b) => a.id - b.id)
      .map((t) => ({
        index: t.id,
        params: t.params,
        runId: t.run?.id ?? null,
        valLoss: Number.isFinite(t.valLoss) ? t.valLoss : null,
        testRmse: t.run?.metrics.rmse ?? null,
        rank: Number.isFinite(t.valLoss) ? t.rank : null,
        isBest: t.isBest && t.run !== null,
        error: t.error,
      })),
    bestRunId: best?.run?.id ?? null,
    cancelled: hooks.signal.aborted || done.length < trials.length,
    ranking: 'Ranked by best validation loss (test metrics are never used to choose).',
  };
}
