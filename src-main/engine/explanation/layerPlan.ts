// One layer's forward plan kept for many calls: an arena sized for the largest batch over all
// `steps`, weights packed once, and per call only the batch, the step count and the input pointer
// rewritten in the plan record. Buffers sized for more steps and rows serve any smaller call (the
// kernel addresses them by the record's batch and steps), so nothing moves between calls, and a
// layer's input can be another plan's output buffer (zero copies between layers).
import type { FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import {
  PLAN_FIELDS,
  planLayout,
  writePlanRecord,
  type PlanLayout,
} from '../kernels/wasm/planLayout';
import { packForwardWeights } from '../kernels/wasm/rnnPacking';
import type { RnnOp } from '../kernels/threads/rnnThreadPool';
import { layerShape, type LayerWeights } from './recurrentStack';

const STEPS = PLAN_FIELDS.indexOf('steps');
const BATCH = PLAN_FIELDS.indexOf('batch');
const XM = PLAN_FIELDS.indexOf('xm');

export class LayerPlan {
  readonly arena: { address: number; size: number };
  readonly layout: PlanLayout;
  /** Float indices of the input (time-major [steps, batch, paddedInputDim]), h and c buffers. */
  readonly xm: number;
  readonly hs: number;
  readonly cs: number;
  private batch: number;

  constructor(
    private readonly kernels: FusedRnnKernels,
    readonly layer: LayerWeights,
    readonly maxBatch: number,
    readonly maxSteps: number,
  ) {
    const shape = layerShape(layer, maxBatch, maxSteps);
    this.layout = planLayout(shape);
    this.arena = kernels.heap.allocate(this.layout.totalBytes);
    const a = this.arena.address;
    writePlanRecord(kernels.heap.ints(), a, shape, this.layout);
    const mem = kernels.heap.floats();
    packForwardWeights(mem, a, shape, this.layout, layer);
    this.xm = (a + this.layout.offsets.xm) >> 2;
    this.hs = (a + this.layout.offsets.hs) >> 2;
    this.cs = (a + this.layout.offsets.cs) >> 2;
    // The initial states (step 0 of hs and cs) start at zero, padding lanes included; callers
    // write only the first `units` lanes of a row, so the padding stays zero.
    const rows = maxBatch * this.layout.paddedUnits;
    mem.fill(0, this.hs, this.hs + rows);
    if (layer.cell === 'lstm') mem.fill(0, this.cs, this.cs + rows);
    this.batch = maxBatch;
  }

  /** Bytes of the arena of a plan for `maxBatch` rows over `maxSteps` steps. */
  static bytes(layer: LayerWeights, maxBatch: number, maxSteps: number): number {
    return planLayout(layerShape(layer, maxBatch, maxSteps)).totalBytes;
  }

  get paddedUnits(): number {
    return this.layout.paddedUnits;
  }

  get paddedInputDim(): number {
    return this.layout.paddedInputDim;
  }

  /**
   * The next call: `batch` rows over `steps` steps reading its input at float index `xm` (this
   * plan's own input buffer, a step further in it, or another plan's h after its first step).
   */
  setCall(batch: number, steps: number, xm: number): void {
    if (batch > this.maxBatch || steps > this.maxSteps) throw new RangeError('layerPlan: too big');
    const ints = this.kernels.heap.ints();
    const at = this.arena.address >> 2;
    ints[at + STEPS] = steps;
    ints[at + BATCH] = batch;
    ints[at + XM] = xm << 2;
    this.batch = batch;
  }

  /** Float index of row `row` of h after step t − 1 (t = 0: the initial state). */
  hAt(t: number, row: number): number {
    return this.hs + (t * this.batch + row) * this.layout.paddedUnits;
  }

  /** The same for c (LSTM only). */
  cAt(t: number, row: number): number {
    return this.cs + (t * this.batch + row) * this.layout.paddedUnits;
  }

  get op(): RnnOp {
    return { cell: this.layer.cell, pass: 'forward', plan: this.arena.address };
  }

  run(): void {
    this.kernels.run(this.layer.cell, 'forward', this.arena.address);
  }

  release(): void {
    this.kernels.heap.release(this.arena);
  }
}
