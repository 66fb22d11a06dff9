// Stable shards of a collection: an id belongs to shard fnv1a32(utf-8 bytes of the id) mod n, so
// a shard depends on the id alone (not on its position in the file, the file's order or the other
// ids), and n processes given --shard 0/n … (n−1)/n split any collection into disjoint parts that
// cover it.

export interface Shard {
  index: number;
  count: number;
}

/** 32-bit FNV-1a of the id's UTF-8 bytes. */
export function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(id)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function shardOf(id: string, count: number): number {
  return idHash(id) % count;
}

export function inShard(id: string, shard: Shard | null): boolean {
  return shard === null || shardOf(id, shard.count) === shard.index;
}

/** "i/n" with 0 ≤ i < n (as Kubernetes' JOB_COMPLETION_INDEX counts). */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--shard needs i/n (for example 0/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count)
    throw new Error(`--shard ${text}: i must be 0 … n−1 and n at least 1`);
  return { index, count };
}
