/**
 * The line of each record id seen in a load, so that a duplicated row (a record exported twice,
 * a file concatenated with itself) is refused naming both lines instead of being counted twice.
 *
 * A million-row export has a million ids, and keeping them as strings would keep the file's
 * text alive with them (V8 slices a short string out of its chunk rather than copying it). A
 * valid id's 15 significant characters are base-62 digits, so they are kept as two exact
 * numbers (8 and 7 digits, both below 2^53) in typed arrays.
 *
 * Exports usually come in id order (the APIs and Data Loader return rows by id). While they do,
 * a duplicate can only be the previous id, and the ids are only appended, in blocks that never
 * move: no hashing, no random memory access, no table regrown in fresh memory (which costs
 * these VMs ~16 µs a page). The first id out of order turns the list into a hash table once.
 */

const BLOCK_BITS = 16;
const BLOCK = 1 << BLOCK_BITS;

export class IdLines {
  private readonly high: Float64Array[] = [];
  private readonly low: Float64Array[] = [];
  private readonly lines: Int32Array[] = [];
  private size = 0;
  /** Null while the ids come in order; then per slot 1 + the entry's index, 0 when empty. */
  private slots: Int32Array | null = null;

  /**
   * The line an earlier row with this id was on, or 0 (then `line` is recorded for the id).
   * `id` must be valid: 15 or more letters and digits (recordId.ts checked it).
   */
  earlierLine(id: string, line: number): number {
    let high = 0;
    let low = 0;
    for (let i = 0; i < 15; i++) {
      const code = id.charCodeAt(i);
      // '0'–'9', 'A'–'Z', 'a'–'z' as 0–61: the digits keep the ids' string order.
      const digit = code <= 57 ? code - 48 : code <= 90 ? code - 55 : code - 61;
      if (i < 8) high = high * 62 + digit;
      else low = low * 62 + digit;
    }
    if (this.slots === null) {
      const last = this.size - 1;
      if (last >= 0) {
        const lastHigh = this.high[last >> BLOCK_BITS][last & (BLOCK - 1)];
        const lastLow = this.low[last >> BLOCK_BITS][last & (BLOCK - 1)];
        if (high === lastHigh && low === lastLow) return this.lines[last >> BLOCK_BITS][last & (BLOCK - 1)];
        if (high < lastHigh || (high === lastHigh && low < lastLow)) this.index();
      }
    }
    if (this.slots !== null) {
      const entry = this.find(high, low);
      if (entry >= 0) return this.lines[entry >> BLOCK_BITS][entry & (BLOCK - 1)];
    }
    this.append(high, low, line);
    return 0;
  }

  private append(high: number, low: number, line: number): void {
    const entry = this.size++;
    const block = entry >> BLOCK_BITS;
    if (block === this.lines.length) {
      this.high.push(new Float64Array(BLOCK));
      this.low.push(new Float64Array(BLOCK));
      this.lines.push(new Int32Array(BLOCK));
    }
    this.high[block][entry & (BLOCK - 1)] = high;
    this.low[block][entry & (BLOCK - 1)] = low;
    this.lines[block][entry & (BLOCK - 1)] = line;
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
      if (this.high[block][at] === high && this.low[block][at] === low) return entry;
    }
  }

  private freeSlot(slots: Int32Array, high: number, low: number): number {
    const mask = slots.length - 1;
    let slot = hashOf(high, low) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** (Re)builds the hash table over every entry, at most half full. */
  private index(): void {
    let size = 1 << 10;
    while (size < this.size * 4) size *= 2;
    const slots = new Int32Array(size);
    for (let entry = 0; entry < this.size; entry++) {
      const block = entry >> BLOCK_BITS;
      const at = entry & (BLOCK - 1);
      slots[this.freeSlot(slots, this.high[block][at], this.low[block][at])] = entry + 1;
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
