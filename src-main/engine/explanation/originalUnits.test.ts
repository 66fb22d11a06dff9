import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIAS, denseModel, F, L, testInputs, weight } from './explainerModels.testkit';
import { integratedGradients } from './integratedGradients';
import {
  attributionsToOriginal,
  elementwiseInverse,
  outputToOriginal,
  perUnitEffects,
  strongestEffect,
  type UnitMap,
} from './originalUnits';
import { sensitivityHeatmap } from './sensitivity';

// The model f(x) = Σ W·x + b on scaled inputs; the scaler maps scaled → unscaled as s·x + o.
const shape = { windows: 4, lookback: L, features: F };
const H_INDEX = 1;
const scale = [0.5, 2];
const offset = [4, -1];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function perturb(map: UnitMap, delta: number): Promise<Float64Array> {
  const model = denseModel('linear');
  try {
    const r = await sensitivityHeatmap(model, testInputs(shape.windows), shape, {
      mode: 'plus-minus',
      delta,
      outputScale: outputToOriginal(map),
      horizonIndex: H_INDEX,
    });
    if (!r.plusSide || !r.minusSide) throw new Error('no sides');
    return perUnitEffects(
      { base: r.base, plusSide: r.plusSide, minusSide: r.minusSide },
      testInputs(shape.windows),
      shape,
      delta,
      map,
    );
  } finally {
    model.dispose();
  }
}

/** f(x) in scaled output units at horizon index H_INDEX, in float64. */
function linear(x: Float32Array, w: number): number {
  let s = BIAS[H_INDEX] as number;
  for (let lag = 0; lag < L; lag++)
    for (let f = 0; f < F; f++) s += weight(lag, f, H_INDEX) * (x[(w * L + lag) * F + f] as number);
  return s;
}

describe('explanations in original units', () => {
  it('per +1 original unit, a linear model with a scaler gives s₀·W/s_f in every cell', async () => {
    // F = s₀·f + o₀ and u_f = s_f·x + o_f, so ∂F/∂u = s₀·W[lag, f] / s_f exactly.
    const effect = await perturb({ inverse: elementwiseInverse([]), scale, offset }, 0.1);
    for (let w = 0; w < shape.windows; w++) {
      for (let lag = 0; lag < L; lag++) {
        for (let f = 0; f < F; f++) {
          const expected = ((scale[0] as number) * weight(lag, f, H_INDEX)) / (scale[f] as number);
          expect(effect[(w * L + lag) * F + f]).toBeCloseTo(expected, 5);
        }
      }
    }
  });

  it('through a log transform: ∂F/∂y = F·W/y for the target and F·s₀·W/s₁ for a feature', async () => {
    // y = exp(s₀x + o₀) for the target input, F = exp(s₀f + o₀): the chain rule in closed form.
    const map: UnitMap = { inverse: elementwiseInverse([{ kind: 'log' }]), scale, offset };
    const effect = await perturb(map, 0.01);
    const x = testInputs(shape.windows);
    for (let w = 0; w < shape.windows; w++) {
      const forecast = Math.exp((scale[0] as number) * linear(x, w) + (offset[0] as number));
      for (let lag = 0; lag < L; lag++) {
        const k = (w * L + lag) * F;
        const y = Math.exp((scale[0] as number) * (x[k] as number) + (offset[0] as number));
        const target = (forecast * weight(lag, 0, H_INDEX)) / y;
        const feature =
          (forecast * (scale[0] as number) * weight(lag, 1, H_INDEX)) / (scale[1] as number);
        expect((effect[k] as number) / target).toBeCloseTo(1, 3);
        expect((effect[k + 1] as number) / feature).toBeCloseTo(1, 3);
      }
    }
  });

  it('integrated gradients through a log transform sum to F(x) − F(x′) in original units', async () => {
    const model = denseModel('linear');
    const x = testInputs(shape.windows);
    const baseline = [0.1, -0.2];
    const map: UnitMap = { inverse: elementwiseInverse([{ kind: 'log' }]), scale, offset };
    try {
      const ig = await integratedGradients(model, x, shape, baseline, {
        steps: 8,
        horizonIndex: H_INDEX,
      });
      const out = attributionsToOriginal(
        ig.attributions,
        ig.completenessGap,
        ig.output,
        ig.baselineOutput,
        shape,
        map,
      );
      const base = new Float32Array(L * F).map((_, i) => baseline[i % F] as number);
      const fBase = Math.exp((scale[0] as number) * linear(base, 0) + (offset[0] as number));
      for (let w = 0; w < shape.windows; w++) {
        const fx = Math.exp((scale[0] as number) * linear(x, w) + (offset[0] as number));
        let sum = 0;
        for (let c = 0; c < L * F; c++) sum += out.attributions[w * L * F + c] as number;
        expect(sum / (fx - fBase)).toBeCloseTo(1, 4);
      }
    } finally {
      model.dispose();
    }
  });

  it('differenced targets have no elementwise inverse', () => {
    expect(elementwiseInverse([{ kind: 'log' }, { kind: 'diff' }])).toBeNull();
    const boxcox = elementwiseInverse([{ kind: 'boxcox', lambda: 0.5 }]);
    // (0.5·z + 1)² at z = 2: 4.
    expect(boxcox?.(2)).toBeCloseTo(4, 12);
  });

  it('names the strongest cell with its mean effect and range (hand-worked)', () => {
    // 2 windows, lookback 2, 1 feature: cell 1 (t−1) has mean |effect| 3 > cell 0's 1.
    const effect = Float64Array.from([1, 2, -1, 4]);
    expect(strongestEffect(effect, { windows: 2, lookback: 2, features: 1 }, ['temp'], 0)).toBe(
      '+1 in temp at t−1 moves the t+1 forecast by 3 on average (from 2 to 4 over 2 windows).',
    );
  });
});
