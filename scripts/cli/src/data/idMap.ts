import { canonicalId, lastIdDigits } from './recordId';

/**
 * A map from record ids to values for the CLI's million-row joins (an opportunity to its primary
 * partner deal). V8's Map pays for each insert with its growth (a larger table rebuilt in fresh
 * memory, which these VMs fault in slowly) and for each look-up with cache misses through its
 * chained entries; this open-addressing table keeps the hashes in typed arrays and measured
 * ~0.6 s less than a Map over a 1M-row export (595k inserts, 720k look-ups; docs/cli.md).
 *
 * Keys are compared as strings, so any string works; the hash (FNV-1a over the characters) is
 * only a shortcut to the slot. A record id in its 18-character form (as every reader hands ids
 * on) is kept by its base-62 digits instead (recordId.ts), in typed arrays: no string compared,
 * no string kept alive, and a reader that has the digits already looks it up with `byDigits`.
 */
export class IdMap<V> {
  private readonly ids = new DigitTable<V>();
  /** Per slot: 1 + the entry's index, 0 when empty. Never more than half full. */
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 9);
  private readonly keys: string[] = [];
  private readonly values: V[] = [];

  get size(): number {
    return this.keys.length + this.ids.size;
  }

  /**
   * The last key asked about and whether it is an id, with its digits: a look-up and then a set
   * of the same key (the engine's index building does that for every new opportunity) read it once.
   */
  private lastKey: string | null = null;
  private lastIsId = false;
  private high = 0;
  private low = 0;

  private isId(key: string): boolean {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastIsId = isCanonicalId(key);
      this.high = lastIdDigits[0];
      this.low = lastIdDigits[1];
    }
    return this.lastIsId;
  }

  /** The value of the id whose digits (recordId.ts) are `high` and `low`. */
  byDigits(high: number, low: number): V | undefined {
    return this.ids.get(high, low);
  }

  get(key: string): V | undefined {
    if (this.isId(key)) return this.ids.get(this.high, this.low);
    const entry = this.find(key, hashOf(key));
    return entry < 0 ? undefined : this.values[entry];
  }

  set(key: string, value: V): this {
    if (this.isId(key)) {
      this.ids.set(this.high, this.low, value);
      return this;
    }
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

/** An 18-character id with its own suffix (canonicalId returns it unchanged, digits in lastIdDigits). */
function isCanonicalId(key: string): boolean {
  return key.length === 18 && canonicalId(key) !== undefined;
}

/**
 * Ids by their digits. Exports come in id order (the APIs and Data Loader return rows by id),
 * and a report looks ids up in the order of another file, usually that order too: while ids
 * are set in increasing order they are only appended, and a look-up moves a cursor forward
 * from the last one found (binary search when it must go back), so that a million look-ups
 * read memory in order instead of at random. The first id set out of order turns the table
 * into a hash table (open addressing, never more than half full).
 */
class DigitTable<V> {
  /** Null while the ids were set in order; then per slot 1 + the entry's index, 0 when empty. */
  private slots: Int32Array | null = null;
  private highs = new Float64Array(1 << 9);
  private lows = new Float64Array(1 << 9);
  private readonly values: V[] = [];
  /** Where the last look-up in order ended. */
  private cursor = 0;

  get size(): number {
    return this.values.length;
  }

  get(high: number, low: number): V | undefined {
    const entry = this.find(high, low);
    return entry < 0 ? undefined : this.values[entry];
  }

  set(high: number, low: number, value: V): void {
    const last = this.values.length - 1;
    // An id after the last one is new: no look-up.
    const entry =
      this.slots === null && (last < 0 || this.after(last, high, low)) ? -1 : this.find(high, low);
    if (entry >= 0) {
      this.values[entry] = value;
      return;
    }
    const index = this.values.length;
    if (index === this.highs.length) {
      const highs = new Float64Array(index * 2);
      highs.set(this.highs);
      this.highs = highs;
      const lows = new Float64Array(index * 2);
      lows.set(this.lows);
      this.lows = lows;
    }
    const inOrder =
      index === 0 ||
      high > this.highs[index - 1] ||
      (high === this.highs[index - 1] && low > this.lows[index - 1]);
    this.highs[index] = high;
    this.lows[index] = low;
    this.values.push(value);
    if (this.slots === null && inOrder) return;
    if (this.slots === null || (index + 1) * 2 > this.slots.length) {
      let size = 1 << 10;
      while (size < (index + 1) * 4) size *= 2;
      const slots = new Int32Array(size);
      for (let e = 0; e <= index; e++) slots[freeSlot(slots, this.highs[e], this.lows[e])] = e + 1;
      this.slots = slots;
    } else {
      this.slots[freeSlot(this.slots, high, low)] = index + 1;
    }
  }

  private find(high: number, low: number): number {
    const { slots, highs, lows } = this;
    if (slots === null) return this.findInOrder(high, low);

    const mask = slots.length - 1;
    for (let slot = digitHash(high, low) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0 || (highs[entry] === high && lows[entry] === low)) return entry;
    }
  }

  /** In the ids set in order: forward from the cursor while that is short, else a binary search. */
  private findInOrder(high: number, low: number): number {
    const size = this.values.length;
    if (size === 0 || this.after(size - 1, high, low)) return -1;
    let at = this.cursor < size ? this.cursor : size - 1;
    if (at >= 0 && !this.before(at, high, low)) {
      // At or after the id: look back only when the previous one is not before it.
      if (at > 0 && !this.before(at - 1, high, low)) at = this.search(0, at, high, low);
    } else {
      let step = 1;
      while (at + step < size && this.before(at + step, high, low)) step *= 2;
      at = this.search(Math.max(0, at + 1), Math.min(size, at + step + 1), high, low);
    }
    if (at < size && this.highs[at] === high && this.lows[at] === low) {
      this.cursor = at + 1;
      return at;
    }
    return -1;
  }

  /** Whether the id sorts after entry `i`. */
  private after(i: number, high: number, low: number): boolean {
    const entryHigh = this.highs[i];
    return high > entryHigh || (high === entryHigh && low > this.lows[i]);
  }

  /** Whether entry `i` sorts before the id. */
  private before(i: number, high: number, low: number): boolean {
    const entryHigh = this.highs[i];
    return entryHigh < high || (entryHigh === high && this.lows[i] < low);
  }

  /** The first index in [from, to) whose id is not before the one sought (to when none). */
  private search(from: number, to: number, high: number, low: number): number {
    let lo = from;
    let hi = to;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.before(mid, high, low)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function freeSlot(slots: Int32Array, high: number, low: number): number {
  const mask = slots.length - 1;
  let slot = digitHash(high, low) & mask;
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  return slot;
}

/** Mixes an id's two digit values (below 2^48 and 2^42) into 32 bits. */
function digitHash(high: number, low: number): number {
  const TWO_24 = 0x1000000;
  let hash = Math.imul((low % TWO_24) ^ Math.imul(Math.floor(low / TWO_24), 0x9e3779b1), 0x85ebca6b);
  hash ^= Math.imul((high % TWO_24) ^ Math.imul(Math.floor(high / TWO_24), 0x27d4eb2f), 0xc2b2ae35);
  return hash ^ (hash >>> 15);
}
