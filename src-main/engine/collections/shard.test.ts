import { describe, expect, it } from 'vitest';
import { idHash, inShard, parseShard, shardOf } from './shard';

const ids = Array.from({ length: 1001 }, (_, i) => `series-${i}`).concat(['', 'é', 'MRF1']);

describe('shards', () => {
  it('hashes ids with 32-bit FNV-1a of their UTF-8 bytes', () => {
    expect(idHash('')).toBe(0x811c9dc5);
    expect(idHash('a')).toBe(0xe40c292c);
    expect(idHash('foobar')).toBe(0xbf9cf968);
  });

  it.each([1, 2, 3, 7, 16])('splits ids into %i disjoint shards that cover them all', (n) => {
    const parts = Array.from({ length: n }, (_, i) =>
      ids.filter((id) => inShard(id, { index: i, count: n })),
    );
    const seen = new Map<string, number>();
    for (const part of parts) for (const id of part) seen.set(id, (seen.get(id) ?? 0) + 1);
    expect(seen.size).toBe(ids.length);
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    // The shard depends on the id only, not on its position.
    const reversed = [...ids].reverse();
    expect(reversed.map((id) => shardOf(id, n))).toEqual(ids.map((id) => shardOf(id, n)).reverse());
  });

  it('parses i/n with 0 ≤ i < n and refuses anything else', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3/4 ')).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('4/4')).toThrow('--shard 4/4: i must be 0 … n−1 and n at least 1');
    expect(() => parseShard('1-4')).toThrow('--shard needs i/n (for example 0/4), got "1-4"');
  });
});
