import { describe, expect, it } from 'vitest';
import { KernelHeap } from './kernelHeap';
import { wasmApi } from './wasmApi';

describe('KernelHeap', () => {
  it('hands out disjoint arenas, grows the memory and reuses released arenas of the same size', () => {
    const memory = new wasmApi.Memory({ initial: 1, maximum: 64 });
    const heap = new KernelHeap(memory);
    const a = heap.allocate(100_000);
    const b = heap.allocate(100_000);
    // 100,000 bytes round up to two 64 KiB granules
    expect(a.size).toBe(131_072);
    expect(b.address).toBeGreaterThanOrEqual(a.address + a.size);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(b.address + b.size);
    expect(heap.floats().length * 4).toBe(memory.buffer.byteLength);
    heap.release(a);
    expect(heap.allocate(120_000).address).toBe(a.address);
    expect(heap.allocate(10).address).toBeGreaterThanOrEqual(b.address + b.size);
  });

  it('gives arenas released at the top back to allocations of any size', () => {
    const memory = new wasmApi.Memory({ initial: 1, maximum: 64 });
    const heap = new KernelHeap(memory);
    const a = heap.allocate(65_536);
    const b = heap.allocate(65_536);
    const c = heap.allocate(2 * 65_536);
    // b is below the top: pooled for its size only.
    heap.release(b);
    expect(heap.allocate(3 * 65_536).address).toBe(c.address + c.size);
    const top = c.address + c.size + 3 * 65_536;
    // Releasing the arena at the top lowers it; b, now adjacent, goes back with it.
    const d = heap.allocate(65_536);
    expect(d.address).toBe(b.address);
    heap.release(d);
    const e = heap.allocate(65_536);
    expect(e.address).toBe(b.address);
    heap.release(e);
    const big = { address: c.address + c.size, size: 3 * 65_536 };
    heap.release(big);
    heap.release(c);
    // Everything above a is free again: one arena of 5 granules starts right after a.
    expect(heap.allocate(5 * 65_536).address).toBe(a.address + a.size);
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(top);
  });

  it('never returns address 0', () => {
    const heap = new KernelHeap(new wasmApi.Memory({ initial: 1 }));
    expect(heap.allocate(16).address).toBeGreaterThan(0);
  });
});
