import type { WasmMemory } from './wasmApi';

// Arena allocator over a WasmMemory. Each forward call takes one arena and keeps it
// until its backward (or an explicit release), so interleaved layers of identical shape never
// share buffers; released arenas are reused by the next call of the same size, which makes
// steady-state training allocation-free.

const PAGE_BYTES = 65536;
const ARENA_GRANULE = 65536;

export class KernelHeap {
  readonly memory: WasmMemory;
  private top: number;
  private readonly free = new Map<number, number[]>();
  private f32: Float32Array;
  private i32: Int32Array;

  constructor(memory: WasmMemory, reservedBytes = 0) {
    this.memory = memory;
    // Address 0 stays unused so a zero pointer is never a live buffer.
    this.top = Math.max(16, Math.ceil(reservedBytes / 16) * 16);
    this.f32 = new Float32Array(memory.buffer);
    this.i32 = new Int32Array(memory.buffer);
  }

  /** Returns the byte address of an arena of at least `bytes` bytes (16-byte aligned). */
  allocate(bytes: number): { address: number; size: number } {
    const size = Math.ceil(bytes / ARENA_GRANULE) * ARENA_GRANULE;
    const pooled = this.free.get(size)?.pop();
    if (pooled !== undefined) return { address: pooled, size };
    const address = Math.ceil(this.top / ARENA_GRANULE) * ARENA_GRANULE;
    const end = address + size;
    const have = this.memory.buffer.byteLength;
    if (end > have) this.memory.grow(Math.ceil((end - have) / PAGE_BYTES));
    this.top = end;
    return { address, size };
  }

  /**
   * Returns an arena for reuse. Released arenas at the top of the heap give their space back to
   * any later allocation (of any size), so arenas of many sizes (perturbation batches, then a
   * larger gradient pass) do not pile up to the memory's maximum.
   */
  release(arena: { address: number; size: number }): void {
    if (arena.address + arena.size !== this.top) {
      const list = this.free.get(arena.size);
      if (list) list.push(arena.address);
      else this.free.set(arena.size, [arena.address]);
      return;
    }
    this.top = arena.address;
    // Free arenas now ending at the top go back to it too.
    for (let merged = true; merged;) {
      merged = false;
      for (const [size, list] of this.free) {
        const i = list.indexOf(this.top - size);
        if (i < 0) continue;
        list.splice(i, 1);
        if (list.length === 0) this.free.delete(size);
        this.top -= size;
        merged = true;
        break;
      }
    }
  }

  /** Float view of the whole memory, refreshed after growth (growth replaces the buffer). */
  floats(): Float32Array {
    this.f32 = wholeView(this.f32, this.memory.buffer, (b) => new Float32Array(b));
    return this.f32;
  }

  /** Int view of the whole memory, refreshed after growth. */
  ints(): Int32Array {
    this.i32 = wholeView(this.i32, this.memory.buffer, (b) => new Int32Array(b));
    return this.i32;
  }
}

/** `view` while it still spans all of `buffer`, else a new view made over it. */
function wholeView<T extends Float32Array | Int32Array>(
  view: T,
  buffer: WasmMemory['buffer'],
  make: (buffer: WasmMemory['buffer']) => T,
): T {
  return view.buffer === buffer && view.byteLength === buffer.byteLength ? view : make(buffer);
}
