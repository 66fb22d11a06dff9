// Memory layout of one fused-RNN call inside the wasm linear memory. The wasm side reads the
// resulting i32 plan record (field order = assembly/plan.ts) and never allocates itself.

export type RnnCellKind = 'lstm' | 'gru' | 'simpleRnn';
export type RnnActivation = 'tanh' | 'relu';

export interface RnnShape {
  cell: RnnCellKind;
  batch: number;
  steps: number;
  inputDim: number;
  units: number;
  activation: RnnActivation;
  returnSequences: boolean;
  hasRecurrentMask: boolean;
}

// Order is the ABI: index i here is P_* = i in assembly/plan.ts.
export const PLAN_FIELDS = [
  'act',
  'steps',
  'batch',
  'paddedInputDim',
  'paddedUnits',
  'hasRecurrentMask',
  'returnSequences',
  'xm',
  'kernel',
  'recurrentKernel',
  'bias',
  'recurrentMask',
  'gates',
  'hs',
  'hm',
  'cs',
  'ac',
  'rhm',
  'dOut',
  'dZ',
  'dh',
  'dc',
  'dhm',
  'dxm',
  'dKernel',
  'dRecurrentKernel',
  'dBias',
  'recurrentKernelT',
  'kernelT',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];
export type BufferName = Exclude<
  PlanField,
  | 'act'
  | 'steps'
  | 'batch'
  | 'paddedInputDim'
  | 'paddedUnits'
  | 'hasRecurrentMask'
  | 'returnSequences'
>;

const PLAN_RECORD_BYTES = 128;

export function gateCount(cell: RnnCellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

/**
 * Units (and input features) rounded up to a multiple of 4 so every gate block and every
 * GEMM output row is whole f32x4 vectors; the padding carries zeros.
 */
export function paddedUnits(units: number): number {
  return Math.ceil(units / 4) * 4;
}

export interface PlanLayout {
  /** Bytes needed for the plan record plus every buffer, relative to the arena start. */
  totalBytes: number;
  /** Byte offset of each buffer relative to the arena start (hm may alias hs). */
  offsets: Record<BufferName, number>;
  /** Float length of each buffer (0 for buffers this cell does not use). */
  lengths: Record<BufferName, number>;
  paddedUnits: number;
  paddedInputDim: number;
  gates: number;
}

export function planLayout(s: RnnShape): PlanLayout {
  const G = gateCount(s.cell);
  const Hp = paddedUnits(s.units);
  const Dp = paddedUnits(s.inputDim);
  const N = G * Hp;
  const R = s.steps * s.batch;
  const BH = s.batch * Hp;
  const lstm = s.cell === 'lstm';
  const lengths: Record<BufferName, number> = {
    xm: R * Dp,
    kernel: Dp * N,
    recurrentKernel: Hp * N,
    bias: N,
    recurrentMask: s.hasRecurrentMask ? BH : 0,
    gates: R * N,
    hs: (s.steps + 1) * BH,
    hm: s.hasRecurrentMask ? R * Hp : 0,
    cs: lstm ? (s.steps + 1) * BH : 0,
    ac: lstm ? R * Hp : 0,
    rhm: s.cell === 'gru' ? R * Hp : 0,
    dOut: s.returnSequences ? R * Hp : BH,
    dZ: R * N,
    dh: BH,
    dc: s.cell === 'simpleRnn' ? 0 : BH,
    dhm: BH,
    dxm: R * Dp,
    dKernel: Dp * N,
    dRecurrentKernel: Hp * N,
    dBias: N,
    recurrentKernelT: N * Hp,
    kernelT: N * Dp,
  };
  const offsets = {} as Record<BufferName, number>;
  let cursor = PLAN_RECORD_BYTES;
  for (const name of Object.keys(lengths) as BufferName[]) {
    offsets[name] = cursor;
    // 16-byte alignment keeps every v128 access aligned.
    cursor += Math.ceil(lengths[name] / 4) * 16;
  }
  if (!s.hasRecurrentMask) offsets.hm = offsets.hs;
  return { totalBytes: cursor, offsets, lengths, paddedUnits: Hp, paddedInputDim: Dp, gates: G };
}

/** Fills the i32 plan record at `base` (byte address) for an arena starting at `base`. */
export function writePlanRecord(
  memory: Int32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
): void {
  const values: Record<PlanField, number> = {
    act: s.activation === 'tanh' ? 0 : 1,
    steps: s.steps,
    batch: s.batch,
    paddedInputDim: layout.paddedInputDim,
    paddedUnits: layout.paddedUnits,
    hasRecurrentMask: s.hasRecurrentMask ? 1 : 0,
    returnSequences: s.returnSequences ? 1 : 0,
    ...mapOffsets(layout.offsets, base),
  };
  const at = base >> 2;
  PLAN_FIELDS.forEach((name, i) => {
    memory[at + i] = values[name];
  });
}

function mapOffsets(offsets: Record<BufferName, number>, base: number): Record<BufferName, number> {
  const out = {} as Record<BufferName, number>;
  for (const name of Object.keys(offsets) as BufferName[]) out[name] = base + offsets[name];
  return out;
}
