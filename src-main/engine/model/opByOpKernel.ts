// The default RecurrentSequenceKernel and the process-wide choice of kernel.
import type { RecurrentSequenceKernel } from './recurrentKernel';
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

let active: RecurrentSequenceKernel = opByOpKernel;

/** Swaps the kernel used by every SeqRecurrent layer from the next call on. */
export function setRecurrentKernel(kernel: RecurrentSequenceKernel): void {
  active = kernel;
}

export function getRecurrentKernel(): RecurrentSequenceKernel {
  return active;
}
