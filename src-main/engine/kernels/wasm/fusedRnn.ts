// Fused LSTM / GRU / SimpleRNN layer kernels: one wasm call runs a whole sequence forward,
// one runs the whole BPTT. Layouts and conventions are tfjs-layers' (see assembly/*.ts).
import { KernelHeap } from './kernelHeap';
import { planLayout, writePlanRecord } from './planLayout';
import type { PlanLayout, RnnActivation, RnnCellKind, RnnShape } from './planLayout';
import { packForwardInputs, packOutputGrad, unpackGradients, unpackOutput } from './rnnPacking';
import type { ForwardTensors, RnnGradients } from './rnnPacking';
import { wasmApi } from './wasmApi';
import type { WasmMemory, WasmModule } from './wasmApi';
import { compileRnnWasm, instantiateRnnWasm } from './wasmModule';
import type { RnnWasmExports, RnnWasmVariant } from './wasmModule';

export type { RnnActivation, RnnCellKind, RnnShape } from './planLayout';
export type { RnnGradients } from './rnnPacking';
export type { RnnWasmVariant } from './wasmModule';

export interface FusedRnnForwardArgs extends ForwardTensors {
  cell: RnnCellKind;
  batch: number;
  steps: number;
  inputDim: number;
  units: number;
  /** Candidate / cell / output activation (tfjs `activation`); gates are always sigmoid. */
  activation?: RnnActivation;
  returnSequences: boolean;
  /** false: inference only, the cache is released at once and cannot be used for backward. */
  keepCache?: boolean;
}

/** Opaque handle to what backward needs; owns wasm memory until backward or release(). */
export interface FusedRnnCache {
  readonly shape: Readonly<RnnShape>;
  readonly released: boolean;
}

export interface FusedRnnKernels {
  /** 'relaxed' = fused multiply-add build, 'simd' = plain SIMD128 build. */
  readonly variant: 'simd' | 'relaxed';
  forward(args: FusedRnnForwardArgs): { output: Float32Array; cache: FusedRnnCache };
  /** Gradients for dOutput (same layout as output); releases the cache afterwards. */
  backward(cache: FusedRnnCache, dOutput: Float32Array): RnnGradients;
  /** Frees a cache whose backward will not run (idempotent). */
  release(cache: FusedRnnCache): void;
  /** For callers that lay out their own long-lived plans (fusedStack): the arena heap… */
  readonly heap: KernelHeap;
  /** …and one pass of one cell over the plan record at byte address `plan`. */
  run(cell: RnnCellKind, pass: 'forward' | 'backward', plan: number): void;
}

export interface LoadFusedKernelsOptions {
  /** Absolute path of rnn.wasm (rnn-relaxed.wasm is looked for beside it); default build/. */
  wasmPath?: string;
  /** Which build to run; 'auto' (default) prefers relaxed-simd where the engine has it. */
  variant?: RnnWasmVariant;
}

class CacheHandle implements FusedRnnCache {
  released = false;
  constructor(
    readonly owner: FusedRnn,
    readonly shape: Readonly<RnnShape>,
    readonly layout: PlanLayout,
    readonly arena: { address: number; size: number },
    readonly inputMask: Float32Array | null,
  ) {}
}

function expectLength(name: string, arr: Float32Array | null | undefined, n: number): void {
  if (arr && arr.length !== n)
    throw new Error(`fusedRnn: ${name} has ${arr.length} values, expected ${n}`);
}

class FusedRnn implements FusedRnnKernels {
  constructor(
    readonly heap: KernelHeap,
    private readonly wasm: RnnWasmExports,
    readonly variant: 'simd' | 'relaxed',
  ) {}

  forward(args: FusedRnnForwardArgs): { output: Float32Array; cache: FusedRnnCache } {
    const shape: RnnShape = {
      cell: args.cell,
      batch: args.batch,
      steps: args.steps,
      inputDim: args.inputDim,
      units: args.units,
      activation: args.activation ?? 'tanh',
      returnSequences: args.returnSequences,
      hasRecurrentMask: args.recurrentDropoutMask != null,
    };
    validate(shape, args);
    const layout = planLayout(shape);
    const arena = this.heap.allocate(layout.totalBytes);
    writePlanRecord(this.heap.ints(), arena.address, shape, layout);
    packForwardInputs(this.heap.floats(), arena.address, shape, layout, args);
    this.kernel(shape.cell, 'forward')(arena.address);
    const output = unpackOutput(this.heap.floats(), arena.address, shape, layout);
    const mask = args.inputDropoutMask ? Float32Array.from(args.inputDropoutMask) : null;
    const cache = new CacheHandle(this, shape, layout, arena, mask);
    if (args.keepCache === false) this.release(cache);
    return { output, cache };
  }

  backward(cache: FusedRnnCache, dOutput: Float32Array): RnnGradients {
    const c = this.own(cache);
    const s = c.shape;
    const perStep = s.batch * s.units;
    expectLength('dOutput', dOutput, s.returnSequences ? perStep * s.steps : perStep);
    const base = c.arena.address;
    packOutputGrad(this.heap.floats(), base, s, c.layout, dOutput);
    this.kernel(s.cell, 'backward')(base);
    const grads = unpackGradients(this.heap.floats(), base, s, c.layout, c.inputMask);
    this.release(c);
    return grads;
  }

  release(cache: FusedRnnCache): void {
    if (cache.released) return;
    const c = this.own(cache);
    c.released = true;
    this.heap.release(c.arena);
  }

  private own(cache: FusedRnnCache): CacheHandle {
    if (!(cache instanceof CacheHandle) || cache.owner !== this) {
      throw new Error('fusedRnn: cache does not come from this kernel instance');
    }
    if (cache.released) throw new Error('fusedRnn: cache already released (backward runs once)');
    return cache;
  }

  run(cell: RnnCellKind, pass: 'forward' | 'backward', plan: number): void {
    this.kernel(cell, pass)(plan);
  }

  private kernel(cell: RnnCellKind, pass: 'forward' | 'backward'): (plan: number) => void {
    const w = this.wasm;
    if (cell === 'lstm') return pass === 'forward' ? w.lstmForward : w.lstmBackward;
    if (cell === 'gru') return pass === 'forward' ? w.gruForward : w.gruBackward;
    return pass === 'forward' ? w.simpleRnnForward : w.simpleRnnBackward;
  }
}

function validate(s: RnnShape, t: ForwardTensors): void {
  for (const key of ['batch', 'steps', 'inputDim', 'units'] as const) {
    if (!Number.isInteger(s[key]) || s[key] < 1) throw new Error(`fusedRnn: ${key} must be ≥ 1`);
  }
  const GH = (s.cell === 'lstm' ? 4 : s.cell === 'gru' ? 3 : 1) * s.units;
  expectLength('x', t.x, s.batch * s.steps * s.inputDim);
  expectLength('kernel', t.kernel, s.inputDim * GH);
  expectLength('recurrentKernel', t.recurrentKernel, s.units * GH);
  expectLength('bias', t.bias, GH);
  expectLength('inputDropoutMask', t.inputDropoutMask, s.batch * s.inputDim);
  expectLength('recurrentDropoutMask', t.recurrentDropoutMask, s.batch * s.units);
}

let loaded: FusedRnnKernels | null = null;

/** Compiles rnn.wasm once; afterwards every call is synchronous. */
export async function loadFusedKernels(
  options: LoadFusedKernelsOptions = {},
): Promise<FusedRnnKernels> {
  if (loaded && options.wasmPath === undefined && options.variant === undefined) return loaded;
  const { module, variant } = await compileRnnWasm(options.wasmPath, options.variant);
  // 1 GiB ceiling: far above any window batch, and growth is only reserved address space.
  const memory = new wasmApi.Memory({ initial: 16, maximum: 16384 });
  const kernels = fusedKernelsOn(module, variant, memory);
  loaded = kernels;
  return kernels;
}

/** Kernels over a given module and memory (e.g. the shared-memory build for threads). */
export function fusedKernelsOn(
  module: WasmModule,
  variant: 'simd' | 'relaxed',
  memory: WasmMemory,
  reservedBytes = 0,
): FusedRnnKernels {
  return new FusedRnn(
    new KernelHeap(memory, reservedBytes),
    instantiateRnnWasm(module, memory),
    variant,
  );
}

/** The kernels loaded by loadFusedKernels(); throws if it has not resolved yet. */
export function fusedKernels(): FusedRnnKernels {
  if (!loaded) throw new Error('fusedRnn: call await loadFusedKernels() first');
  return loaded;
}
