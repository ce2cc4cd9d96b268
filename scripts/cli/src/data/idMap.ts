/**
 * A map from record ids to values for the CLI's million-row joins (an opportunity to its primary
 * partner deal). V8's Map pays for each insert with its growth (a larger table rebuilt in fresh
 * memory, which these VMs fault in slowly) and for each look-up with cache misses through its
 * chained entries; this open-addressing table keeps the hashes in typed arrays and measured
 * ~0.6 s less than a Map over a 1M-row export (595k inserts, 720k look-ups; docs/cli.md).
 *
 * Keys are compared as strings, so any string works; the hash (FNV-1a over the characters) is
 * only a shortcut to the slot.
 */
export class IdMap<V> {
  /** Per slot: 1 + the entry's index, 0 when empty. Never more than half full. */
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 9);
  private readonly keys: string[] = [];
  private readonly values: V[] = [];

  get size(): number {
    return this.keys.length;
  }

  get(key: string): V | undefined {
    const entry = this.find(key, hashOf(key));
    return entry < 0 ? undefined : this.values[entry];
  }

  set(key: string, value: V): this {
    const hash = hashOf(key);
    const entry = this.find(key, hash);
    if (entry >= 0) {
      this.values[entry] = value;
      return this;
    }
    const index = this.keys.length;
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    this.keys.push(key);
    this.values.push(value);
    if ((index + 1) * 2 > this.slots.length) {
      this.rebuild(this.slots.length * 2);
    } else {
      this.slots[this.freeSlot(this.slots, hash)] = index + 1;
    }
    return this;
  }

  /** The entry's index, or −1. */
  private find(key: string, hash: number): number {
    const { slots, hashes, keys } = this;
    const mask = slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) return -1;
      if (hashes[entry] === hash && keys[entry] === key) return entry;
    }
  }

  private freeSlot(slots: Int32Array, hash: number): number {
    const mask = slots.length - 1;
    let slot = hash & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private rebuild(size: number): void {
    const slots = new Int32Array(size);
    for (let entry = 0; entry < this.keys.length; entry++) {
      slots[this.freeSlot(slots, this.hashes[entry])] = entry + 1;
    }
    this.slots = slots;
  }
}

function hashOf(key: string): number {
  let hash = 0x811c9dc5 | 0; // an int32 like every Math.imul result (the Int32Array stores it so)
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash;
}
