// Adam and plain SGD updates on Float32Arrays with tfjs' formulas and float32 state, so a training
// step that bypasses tfjs autodiff (fusedTrainStep) moves the weights as tf.train.adam / sgd do.

export interface ParamSlot {
  value: Float32Array;
  grad: Float32Array;
}

export interface OptimizerStep {
  readonly kind: 'adam' | 'sgd';
  apply(params: readonly ParamSlot[]): void;
}

export interface AdamConfig {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

/**
 * tfjs AdamOptimizer: m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * w ← w − lr · (m / (1 − β1ᵗ)) / (√(v / (1 − β2ᵗ)) + ε), with β1ᵗ, β2ᵗ kept in float32.
 */
export function adamStep(config: AdamConfig): OptimizerStep {
  const { learningRate: lr, beta1, beta2, epsilon } = config;
  const moments = new Map<Float32Array, [Float32Array, Float32Array]>();
  let accBeta1 = Math.fround(beta1);
  let accBeta2 = Math.fround(beta2);
  return {
    kind: 'adam',
    apply(params) {
      const c1 = Math.fround(1 - accBeta1);
      const c2 = Math.fround(1 - accBeta2);
      for (const { value, grad } of params) {
        let mv = moments.get(value);
        if (mv === undefined) {
          mv = [new Float32Array(value.length), new Float32Array(value.length)];
          moments.set(value, mv);
        }
        const [m, v] = mv;
        for (let i = 0; i < value.length; i++) {
          const g = grad[i] ?? 0;
          const mi = (m[i] = (m[i] ?? 0) * beta1 + g * (1 - beta1));
          const vi = (v[i] = (v[i] ?? 0) * beta2 + g * g * (1 - beta2));
          value[i] = (value[i] ?? 0) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + epsilon);
        }
      }
      accBeta1 = Math.fround(accBeta1 * beta1);
      accBeta2 = Math.fround(accBeta2 * beta2);
    },
  };
}

export function sgdStep(learningRate: number): OptimizerStep {
  return {
    kind: 'sgd',
    apply(params) {
      for (const { value, grad } of params) {
        for (let i = 0; i < value.length; i++)
          value[i] = (value[i] ?? 0) - learningRate * (grad[i] ?? 0);
      }
    },
  };
}

/** The equivalent of a tfjs optimizer from its class name and getConfig(), or null. */
export function optimizerStepFor(
  className: string,
  config: Record<string, unknown>,
): OptimizerStep | null {
  const num = (k: string): number | null =>
    typeof config[k] === 'number' ? (config[k] as number) : null;
  const lr = num('learningRate');
  if (lr === null) return null;
  if (className === 'SGD') return sgdStep(lr);
  if (className !== 'Adam') return null;
  const [beta1, beta2, epsilon] = [num('beta1'), num('beta2'), num('epsilon')];
  if (beta1 === null || beta2 === null || epsilon === null) return null;
  return adamStep({ learningRate: lr, beta1, beta2, epsilon });
}
