// The op-by-op RecurrentSequenceKernel (tfjs ops per time step) and the runtime that uses it.
import type { CellKind, RecurrentSequenceKernel, TrainingRuntime } from './recurrentKernel';
import type { CellOps } from './opByOpCommon';
import { lstmOps } from './opByOpLstm';
import { gruOps } from './opByOpGru';
import { rnnOps } from './opByOpRnn';

const cells: Record<CellKind, CellOps> = { lstm: lstmOps, gru: gruOps, rnn: rnnOps };

export const opByOpKernel: RecurrentSequenceKernel = {
  name: 'op-by-op',
  forward: (spec, inputs) => cells[spec.cell].forward(spec, inputs),
  backward: (spec, inputs, output, saved, dOutput) =>
    cells[spec.cell].backward(spec, inputs, output, saved, dOutput),
};

/** Models on tfjs's op-by-op layers: the fallback where the fused kernels cannot load. */
export const opByOpRuntime: TrainingRuntime = {
  name: opByOpKernel.name,
  detail: 'op-by-op tfjs layers',
  kernel: opByOpKernel,
  fused: null,
};
