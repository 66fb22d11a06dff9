// Runs a recurrent sequence through the given kernel with its own gradient (tf.customGrad), so
// autodiff never traces the per-step ops and a fused kernel only has to supply forward/backward.
import * as tf from '@tensorflow/tfjs';
import type { RecurrentCellSpec, RecurrentSequenceKernel } from './recurrentKernel';

export function runRecurrentSequence(
  spec: RecurrentCellSpec,
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  recurrentKernel: tf.Tensor2D,
  bias: tf.Tensor1D,
  recurrentMask: tf.Tensor2D | null,
  impl: RecurrentSequenceKernel,
): tf.Tensor3D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [xi, k, rk, b, save] = args as [
      tf.Tensor3D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor1D,
      tf.GradSaveFunc,
    ];
    const fwd = impl.forward(spec, {
      x: xi,
      kernel: k,
      recurrentKernel: rk,
      bias: b,
      recurrentMask,
    });
    const extra = recurrentMask ? [recurrentMask] : [];
    save([xi, k, rk, b, fwd.output, ...extra, ...fwd.saved]);
    return {
      value: fwd.output,
      gradFunc: (dy: tf.Tensor3D, saved: tf.Tensor[]) => {
        const [sx, sk, srk, sb, out] = saved as [
          tf.Tensor3D,
          tf.Tensor2D,
          tf.Tensor2D,
          tf.Tensor1D,
          tf.Tensor3D,
        ];
        const mask = recurrentMask ? (saved[5] as tf.Tensor2D) : null;
        const rest = saved.slice(recurrentMask ? 6 : 5);
        const inputs = { x: sx, kernel: sk, recurrentKernel: srk, bias: sb, recurrentMask: mask };
        const g = impl.backward(spec, inputs, out, rest, dy);
        return [g.dInput, g.dKernel, g.dRecurrentKernel, g.dBias];
      },
    };
  });
  return f(x, kernel, recurrentKernel, bias) as tf.Tensor3D;
}
