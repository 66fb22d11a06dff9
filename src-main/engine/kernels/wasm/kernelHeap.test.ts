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

  it('never returns address 0', () => {
    const heap = new KernelHeap(new wasmApi.Memory({ initial: 1 }));
    expect(heap.allocate(16).address).toBeGreaterThan(0);
  });
});
