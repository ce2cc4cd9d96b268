/**
 * The line of each record id seen in a load, so that a duplicated row (a record exported twice,
 * a file concatenated with itself) is refused naming both lines instead of being counted twice.
 *
 * A million-row export has a million ids, and keeping them as strings would keep the file's
 * text alive with them (V8 slices a short string out of its chunk rather than copying it). A
 * valid id's 15 significant characters are base-62 digits, so they are kept as two exact
 * numbers (8 and 7 digits, both below 2^53; recordId.ts reads them) in typed arrays.
 *
 * Exports usually come in id order (the APIs and Data Loader return rows by id). While they do,
 * a duplicate can only be the previous id, and the ids are only appended, in blocks that never
 * move: no hashing, no random memory access, no table regrown in fresh memory (which costs
 * these VMs ~16 µs a page). The first id out of order turns the list into a hash table once.
 */

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

export class IdLines {
  private readonly highs: Float64Array[] = [];
  private readonly lows: Float64Array[] = [];
  private readonly lineBlocks: Int32Array[] = [];
  private size = 0;
  /** The last block and its next free place (BLOCK when full): the appends' fast path. */
  private high = new Float64Array(0);
  private low = new Float64Array(0);
  private lines = new Int32Array(0);
  private at = BLOCK;
  /** The last id appended, while the ids come in order. */
  private lastHigh = -1;
  private lastLow = -1;
  private lastLine = 0;
  /** Null while the ids come in order; then per slot 1 + the entry's index, 0 when empty. */
  private slots: Int32Array | null = null;

  /**
   * The line an earlier row with this id was on, or 0 (then `line` is recorded for the id). The
   * id as recordId.ts reads it: the base-62 values of its first 8 and next 7 characters.
   */
  earlierLine(high: number, low: number, line: number): number {
    if (this.slots === null) {
      if (high > this.lastHigh || (high === this.lastHigh && low > this.lastLow)) {
        this.append(high, low, line);
        this.lastHigh = high;
        this.lastLow = low;
        this.lastLine = line;
        return 0;
      }
      if (high === this.lastHigh && low === this.lastLow) return this.lastLine;
      this.index();
    }
    const entry = this.find(high, low);
    if (entry >= 0) return this.lineBlocks[entry >> BLOCK_BITS][entry & (BLOCK - 1)];
    this.append(high, low, line);
    return 0;
  }

  private append(high: number, low: number, line: number): void {
    if (this.at === BLOCK) {
      this.high = new Float64Array(BLOCK);
      this.low = new Float64Array(BLOCK);
      this.lines = new Int32Array(BLOCK);
      this.highs.push(this.high);
      this.lows.push(this.low);
      this.lineBlocks.push(this.lines);
      this.at = 0;
    }
    this.high[this.at] = high;
    this.low[this.at] = low;
    this.lines[this.at] = line;
    this.at++;
    const entry = this.size++;
    if (this.slots === null) return;
    if (this.size * 2 > this.slots.length) this.index();
    else this.slots[this.freeSlot(this.slots, high, low)] = entry + 1;
  }

  /** The entry with this id, or −1. */
  private find(high: number, low: number): number {
    const slots = this.slots as Int32Array;
    const mask = slots.length - 1;
    for (let slot = hashOf(high, low) & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot] - 1;
      if (entry < 0) return -1;
      const block = entry >> BLOCK_BITS;
      const at = entry & (BLOCK - 1);
      if (this.highs[block][at] === high && this.lows[block][at] === low) return entry;
    }
  }

  private freeSlot(slots: Int32Array, high: number, low: number): number {
    const mask = slots.length - 1;
    let slot = hashOf(high, low) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** (Re)builds the hash table over every entry, at most a quarter full. */
  private index(): void {
    let size = 1 << 10;
    while (size < this.size * 4) size *= 2;
    const slots = new Int32Array(size);
    for (let entry = 0; entry < this.size; entry++) {
      const block = entry >> BLOCK_BITS;
      const at = entry & (BLOCK - 1);
      slots[this.freeSlot(slots, this.highs[block][at], this.lows[block][at])] = entry + 1;
    }
    this.slots = slots;
  }
}

/** Mixes the two halves of an id (each split into 30-bit parts) into 32 bits. */
function hashOf(high: number, low: number): number {
  const TWO_30 = 0x40000000;
  let hash = Math.imul((low % TWO_30) ^ Math.imul(Math.floor(low / TWO_30), 0x9e3779b1), 0x85ebca6b);
  hash ^= Math.imul((high % TWO_30) ^ Math.imul(Math.floor(high / TWO_30), 0x27d4eb2f), 0xc2b2ae35);
  return hash ^ (hash >>> 15);
}
