// The op-by-op RecurrentSequenceKernel (tfjs ops per time step) and the runtime that uses it.
import type { RecurrentSequenceKernel, TrainingRuntime } from './recurrentKernel';
import { lstmBackward, lstmForward } from './opByOpLstm';
import { gruBackward, gruForward } from './opByOpGru';
import { rnnBackward, rnnForward } from './opByOpRnn';

export const opByOpKernel: RecurrentSequenceKernel = {
  name: 'op-by-op',
  forward(spec, inputs) {
    if (spec.cell === 'lstm') return lstmForward(spec, inputs);
    if (spec.cell === 'gru') return gruForward(spec, inputs);
    return rnnForward(spec, inputs);
  },
  backward(spec, inputs, output, saved, dOutput) {
    if (spec.cell === 'lstm') return lstmBackward(spec, inputs, output, saved, dOutput);
    if (spec.cell === 'gru') return gruBackward(spec, inputs, output, saved, dOutput);
    return rnnBackward(spec, inputs, output, saved, dOutput);
  },
};

/** Models on tfjs's op-by-op layers: the fallback where the fused kernels cannot load. */
export const opByOpRuntime: TrainingRuntime = {
  name: opByOpKernel.name,
  detail: 'op-by-op tfjs layers',
  kernel: opByOpKernel,
  fused: null,
};
