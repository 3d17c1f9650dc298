// A map by string kept in shards. One JavaScript Map of a hundred thousand keys and more rehashes all of them
// at once when it grows (7 ms at 131,072 keys and 14 ms at 262,144 on a 2-core virtual machine, more beside
// a large heap), inside whatever step of a claims build added the key. Shards of a few thousand keys each
// rehash in a millisecond.

const SHARDS = 64;

export class StringMap<V> {
  private readonly shards: Map<string, V>[] = Array.from({ length: SHARDS }, () => new Map<string, V>());
  private count = 0;

  get(key: string): V | undefined {
    return this.shardOf(key).get(key);
  }

  set(key: string, value: V): this {
    const shard = this.shardOf(key);
    const before = shard.size;
    shard.set(key, value);
    this.count += shard.size - before;
    return this;
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    for (const shard of this.shards) shard.clear();
    this.count = 0;
  }

  /** A shard by the key's first and last characters and its length: cheap, and even enough over words. */
  private shardOf(key: string): Map<string, V> {
    const n = key.length;
    return this.shards[n ? (key.charCodeAt(0) * 31 + key.charCodeAt(n - 1) + n) & (SHARDS - 1) : 0];
  }
}
