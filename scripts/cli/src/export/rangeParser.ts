import { isUtf8 } from 'node:buffer';
import { fieldReader, type Parse } from '../data/convert';
import type { FieldValue } from '../data/loadRequest';
import { canonicalIdBytes, lastIdDigits } from '../data/recordId';
import type { NumberRule } from '../data/numberValues';
import type { PlanColumn, ReadPlan } from './readPlan';

/**
 * The parallel reader's parser: one byte range of an export file, read straight from the bytes
 * (no text is decoded but the wanted values of the rows in scope), checked as the record builder
 * checks a row, and handed back as typed columns that cross to the main thread without copying
 * (worker threads transfer them).
 *
 * It is a fast path, not a second judge: it accepts only what it is sure the reference reader
 * (streamingCsv.ts and convert.ts, which name every problem as file:line) accepts, and reads it
 * to the same values. Anything else — any error, a lone CR line break, a value it cannot tell —
 * makes it decline the range, and the file is then read by the reference reader, whose message
 * for the first problem in file order is the one printed.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Codes of a text column's values: a dictionary entry (≥ 0), blank, or the next of the range's raw values. */
export const BLANK = -1;
export const RAW = -2;

/** The columns of one range's rows in scope: numbers (NaN blank), booleans (0, 1, 2 blank), or codes. */
export type ColumnData = Float64Array | Uint8Array | Int32Array;

export interface RangeResult {
  /** Where its first record starts and where the record after its last one starts (file offsets). */
  start: number;
  end: number;
  /** Data records parsed, and those in scope. */
  rows: number;
  inScope: number;
  /** The range holds something the reference reader must judge: no row of it is to be used. */
  declined: boolean;
  columns: ColumnData[];
  /** Per column of text (not ids), the values coded RAW, in row order. */
  texts: FieldValue[][];
  /** Per id column, the ids coded RAW in their 18-character form, 18 bytes each, in row order. */
  ids: Uint8Array[];
  /** Per column, the dictionary entries this range added (codes from `base` on). */
  added: { base: number; values: FieldValue[] }[];
  /** The key's id as read by canonicalId: the base-62 values of its first 8 and next 7 characters. */
  keyHigh: Float64Array;
  keyLow: Float64Array;
}

/** scanRecord's answers besides the next record's offset. */
const MORE = -1;
const REFUSED = -2;

/** More bytes are needed: the range's last record goes on past the bytes given. */
export const NEED_MORE = 'more';

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The decimal `bytes[a, b)` as parseNumber reads it (undefined: refused). */
function decimalAt(bytes: Buffer, a: number, b: number, rule: NumberRule): number | undefined {
  let i = a;
  const negative = bytes[i] === 45;
  if (negative) i++;
  const intStart = i;
  let mantissa = 0;
  while (i < b && bytes[i] >= 48 && bytes[i] <= 57) mantissa = mantissa * 10 + bytes[i++] - 48;
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 18) return undefined;
  let fraction = 0;
  if (i < b) {
    if (bytes[i] !== 46 || i + 1 === b) return undefined;
    const fractionStart = ++i;
    while (i < b && bytes[i] >= 48 && bytes[i] <= 57) mantissa = mantissa * 10 + bytes[i++] - 48;
    if (i < b) return undefined;
    fraction = i - fractionStart;
  }
  // Up to 15 digits the mantissa is exact, and so is 10^k: their quotient is the correctly
  // rounded value, which is what Number() gives for the text. Longer ones go through Number().
  let value: number;
  if (intDigits + fraction <= 15) {
    value = fraction === 0 ? mantissa : mantissa / POWERS_OF_TEN[fraction];
    if (negative) value = -value;
  } else {
    value = Number(bytes.latin1Slice(a, b));
  }
  if (rule.min !== undefined && value < rule.min) return undefined;
  if (rule.max !== undefined && value > rule.max) return undefined;
  if (rule.whole === true && !Number.isInteger(value)) return undefined;
  return value;
}

/** `true` / `false` in any case (1, 0), anything else −1. */
function booleanAt(bytes: Buffer, a: number, b: number): number {
  const length = b - a;
  if (length === 4) {
    return (bytes[a] | 0x20) === 0x74 &&
      (bytes[a + 1] | 0x20) === 0x72 &&
      (bytes[a + 2] | 0x20) === 0x75 &&
      (bytes[a + 3] | 0x20) === 0x65
      ? 1
      : -1;
  }
  if (length === 5) {
    return (bytes[a] | 0x20) === 0x66 &&
      (bytes[a + 1] | 0x20) === 0x61 &&
      (bytes[a + 2] | 0x20) === 0x6c &&
      (bytes[a + 3] | 0x20) === 0x73 &&
      (bytes[a + 4] | 0x20) === 0x65
      ? 0
      : -1;
  }
  return -1;
}

function isAsciiAt(bytes: Buffer, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (bytes[i] >= 0x80) return false;
  return true;
}

/** A field's text: quotes unescaped when it had "" in it. */
function textAt(bytes: Buffer, a: number, b: number, escaped: boolean): string {
  const text = isAsciiAt(bytes, a, b) ? bytes.latin1Slice(a, b) : bytes.utf8Slice(a, b);
  return escaped ? text.split('""').join('"') : text;
}

/**
 * A column's repeated values (dates, categories, owners) found by their bytes, so that each
 * distinct value is decoded and checked once per thread. Entries beyond the limit are not
 * added: a column of unique values (names, timestamps) is then decoded per row.
 */
const DICTIONARY_LIMIT = 4096;

class ByteDictionary {
  private slots = new Int32Array(1 << 10);
  private hashes = new Int32Array(1 << 9);
  private starts = new Int32Array(1 << 9);
  private pool = Buffer.allocUnsafe(1 << 14);
  private poolUsed = 0;
  size = 0;

  /** The code of `bytes[a, b)` (hash given), or −1. */
  find(bytes: Buffer, a: number, b: number, hash: number): number {
    const { slots, hashes, starts, pool } = this;
    const mask = slots.length - 1;
    const length = b - a;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const code = slots[slot] - 1;
      if (code < 0) return -1;
      if (hashes[code] !== hash) continue;
      const start = starts[code];
      if (starts[code + 1] - start !== length) continue;
      let same = true;
      for (let i = 0; i < length; i++) {
        if (pool[start + i] !== bytes[a + i]) {
          same = false;
          break;
        }
      }
      if (same) return code;
    }
  }

  add(bytes: Buffer, a: number, b: number, hash: number): number {
    const code = this.size++;
    if (this.size + 1 >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    if (this.poolUsed + (b - a) > this.pool.length) {
      const pool = Buffer.allocUnsafe(Math.max(this.pool.length * 2, this.poolUsed + (b - a)));
      this.pool.copy(pool, 0, 0, this.poolUsed);
      this.pool = pool;
    }
    bytes.copy(this.pool, this.poolUsed, a, b);
    this.hashes[code] = hash;
    this.starts[code] = this.poolUsed;
    this.poolUsed += b - a;
    this.starts[code + 1] = this.poolUsed;
    if (this.size * 2 > this.slots.length) {
      const slots = new Int32Array(this.slots.length * 2);
      const mask = slots.length - 1;
      for (let entry = 0; entry < this.size; entry++) {
        let slot = this.hashes[entry] & mask;
        while (slots[slot] !== 0) slot = (slot + 1) & mask;
        slots[slot] = entry + 1;
      }
      this.slots = slots;
    } else {
      const mask = this.slots.length - 1;
      let slot = hash & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = code + 1;
    }
    return code;
  }
}

function hashAt(bytes: Buffer, a: number, b: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = a; i < b; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash;
}

/** How one column is read: per type, with what it keeps between ranges. */
interface ColumnReader {
  column: PlanColumn;
  /** `id`: a record id (`key`: the load's key, which never repeats); `coded`: other text. */
  kind: 'number' | 'boolean' | 'key' | 'id' | 'coded';
  parse: Parse;
  dictionary: ByteDictionary;
  /** Whether each dictionary entry is a valid value (parsed once), and its value. */
  valid: boolean[];
  values: FieldValue[];
}

/** Byte classes of the scan: a field goes on over class 0. */
const CLASS = new Uint8Array(256);
CLASS[COMMA] = 1;
CLASS[LF] = 2;
CLASS[CR] = 3;
CLASS[QUOTE] = 4;

/** Bytes of an id in its 18-character form. */
const ID = 18;

/** −1, 0 or 1 as `bytes[a, b)` sorts before, with or after `target` (ASCII, as strings compare). */
function compareAscii(bytes: Buffer, a: number, b: number, target: Uint8Array): number {
  const length = Math.min(b - a, target.length);
  for (let i = 0; i < length; i++) {
    const difference = bytes[a + i] - target[i];
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return b - a === target.length ? 0 : b - a < target.length ? -1 : 1;
}

/** What a thread keeps while it reads the ranges of one file: the plan, the dictionaries, scratch columns. */
export class RangeReader {
  private readonly readers: ColumnReader[];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly escapes: Uint8Array;
  private readonly slots: Int32Array;
  /** The scope's date bounds as bytes (`between` conditions; empty for the others). */
  private readonly bounds: { from: Uint8Array; to: Uint8Array }[];
  private capacity = 0;
  private numbers: Float64Array[] = [];
  private flags: Uint8Array[] = [];
  private codes: Int32Array[] = [];
  private idBytes: Uint8Array[] = [];
  private keyHigh = new Float64Array(0);
  private keyLow = new Float64Array(0);
  /** The last value `code` coded RAW. */
  private rawValue: FieldValue = null;
  /** The next quote and CR at or after the record being scanned, searched again only once passed (length: none). */
  private nextQuote = -1;
  private nextCr = -1;

  constructor(private readonly plan: ReadPlan) {
    this.readers = plan.columns.map((column, index) => ({
      column,
      kind:
        index === plan.keyColumn
          ? 'key'
          : column.type === 'number'
            ? 'number'
            : column.type === 'boolean'
              ? 'boolean'
              : column.type === 'id'
                ? 'id'
                : 'coded',
      parse: fieldReader(column).parse,
      dictionary: new ByteDictionary(),
      valid: [],
      values: []
    }));
    this.starts = new Int32Array(plan.columns.length);
    this.ends = new Int32Array(plan.columns.length);
    this.escapes = new Uint8Array(plan.columns.length);
    this.slots = Int32Array.from(plan.slots);
    this.bounds = plan.scope.map(({ condition }) =>
      condition.op === 'between'
        ? { from: Buffer.from(condition.from, 'latin1'), to: Buffer.from(condition.to, 'latin1') }
        : { from: new Uint8Array(0), to: new Uint8Array(0) }
    );
    this.grow(1 << 12);
  }

  private grow(capacity: number): void {
    const kinds = this.readers.map((r) => r.kind);
    const copy = <T extends Float64Array | Uint8Array | Int32Array>(
      old: T | undefined,
      make: (size: number) => T,
      size: number
    ): T => {
      const next = make(size);
      if (old !== undefined && old.length > 0) next.set(old.subarray(0, Math.min(old.length, size)));
      return next;
    };
    this.numbers = kinds.map((kind, c) =>
      copy(this.numbers[c], (n) => new Float64Array(n), kind === 'number' ? capacity : 0)
    );
    this.flags = kinds.map((kind, c) =>
      copy(this.flags[c], (n) => new Uint8Array(n), kind === 'boolean' ? capacity : 0)
    );
    this.codes = kinds.map((kind, c) =>
      copy(this.codes[c], (n) => new Int32Array(n), kind === 'number' || kind === 'boolean' ? 0 : capacity)
    );
    this.idBytes = kinds.map((kind, c) =>
      copy(this.idBytes[c], (n) => new Uint8Array(n), kind === 'key' || kind === 'id' ? capacity * ID : 0)
    );
    const keyed = this.plan.keyColumn >= 0 ? capacity : 0;
    this.keyHigh = copy(this.keyHigh, (n) => new Float64Array(n), keyed);
    this.keyLow = copy(this.keyLow, (n) => new Float64Array(n), keyed);
    this.capacity = capacity;
  }

  /**
   * Reads the records that start in `bytes[from, limit)`; `bytes[0]` is at file offset `offset`
   * and `eof` says whether the bytes end where the file ends. NEED_MORE when a record that
   * starts before `limit` goes on past the bytes.
   */
  read(
    bytes: Buffer,
    offset: number,
    from: number,
    limit: number,
    eof: boolean
  ): RangeResult | typeof NEED_MORE {
    const { plan, readers } = this;
    const length = bytes.length;
    const width = readers.length;
    const texts: FieldValue[][] = readers.map(() => []);
    const idCounts = new Int32Array(width);
    const addedBase = readers.map((r) => r.dictionary.size);
    let rows = 0;
    let n = 0;
    let pos = from;
    this.nextQuote = -1;
    this.nextCr = -1;
    while (pos < limit) {
      const first = bytes[pos];
      if (first === LF) {
        pos++;
        continue;
      }
      if (first === CR) {
        if (pos + 1 >= length) return eof ? this.declined(offset + from) : NEED_MORE;
        if (bytes[pos + 1] !== LF) return this.declined(offset + from);
        pos += 2;
        continue;
      }
      const next = this.scanRecord(bytes, pos, eof);
      if (next === MORE) return NEED_MORE;
      if (next === REFUSED) return this.declined(offset + from);
      pos = next;
      rows++;
      const inScope = this.inScope(bytes);
      if (inScope === REFUSED) return this.declined(offset + from);
      if (!inScope) continue;
      if (n === this.capacity) this.grow(this.capacity * 2);
      if (!this.store(bytes, n, texts, idCounts)) return this.declined(offset + from);
      n++;
    }
    // Whole UTF-8 characters only: the range starts and ends just after a line break.
    if (!isUtf8(bytes.subarray(from, pos))) return this.declined(offset + from);
    return {
      start: offset + from,
      end: offset + pos,
      rows,
      inScope: n,
      declined: false,
      columns: readers.map((reader, c) =>
        reader.kind === 'number'
          ? this.numbers[c].slice(0, n)
          : reader.kind === 'boolean'
            ? this.flags[c].slice(0, n)
            : this.codes[c].slice(0, n)
      ),
      texts,
      ids: readers.map((_, c) => this.idBytes[c].slice(0, idCounts[c] * ID)),
      added: this.added(addedBase),
      keyHigh: this.keyHigh.slice(0, plan.keyColumn >= 0 ? n : 0),
      keyLow: this.keyLow.slice(0, plan.keyColumn >= 0 ? n : 0)
    };
  }

  /**
   * Finds the fields of the record at `pos` (the wanted ones' bounds go to starts, ends and
   * escapes): the offset where the next record starts, or MORE, or REFUSED (anything the
   * reference reader would not read as one record with as many fields as the header).
   */
  private scanRecord(bytes: Buffer, pos: number, eof: boolean): number {
    const { starts, ends, escapes, slots } = this;
    const length = bytes.length;
    const slotCount = slots.length;
    // Most records are one line without a quote: its end found by the native search for a line
    // break, its fields split by a loop that only looks for commas.
    const lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd !== -1) {
      if (this.nextQuote < pos) this.nextQuote = indexOrLength(bytes, QUOTE, pos);
      if (this.nextCr < pos) this.nextCr = indexOrLength(bytes, CR, pos);
      if (this.nextQuote > lineEnd && this.nextCr >= lineEnd - 1) {
        const end = this.nextCr === lineEnd - 1 ? lineEnd - 1 : lineEnd;
        let fields = 0;
        let fieldStart = pos;
        for (let i = pos; i < end; i++) {
          if (bytes[i] === COMMA) {
            if (fields < slotCount) {
              const slot = slots[fields];
              if (slot >= 0) {
                starts[slot] = fieldStart;
                ends[slot] = i;
                escapes[slot] = 0;
              }
            }
            fields++;
            fieldStart = i + 1;
          }
        }
        if (fields < slotCount) {
          const slot = slots[fields];
          if (slot >= 0) {
            starts[slot] = fieldStart;
            ends[slot] = end;
            escapes[slot] = 0;
          }
        }
        return fields + 1 === this.plan.fieldCount ? lineEnd + 1 : REFUSED;
      }
    }
    let fields = 0;
    let at = pos;
    for (;;) {
      let valueStart = at;
      let valueEnd: number;
      let fieldEnd: number;
      let escaped = 0;
      if (bytes[at] === QUOTE) {
        let search = at + 1;
        for (;;) {
          const close = bytes.indexOf(QUOTE, search);
          if (close === -1) return eof ? REFUSED : MORE;
          if (close + 1 >= length && !eof) return MORE;
          if (bytes[close + 1] === QUOTE) {
            escaped = 1;
            search = close + 2;
            continue;
          }
          valueStart = at + 1;
          valueEnd = close;
          fieldEnd = close + 1;
          break;
        }
        // After the closing quote: a comma, a line break or the end of the file.
        if (fieldEnd < length && CLASS[bytes[fieldEnd]] === 0) return REFUSED;
      } else {
        let end = at;
        while (end < length && CLASS[bytes[end]] === 0) end++;
        if (end >= length) {
          if (!eof) return MORE;
        } else if (bytes[end] === QUOTE) {
          return REFUSED;
        }
        valueEnd = end;
        fieldEnd = end;
      }
      if (fields < slotCount) {
        const slot = slots[fields];
        if (slot >= 0) {
          starts[slot] = valueStart;
          ends[slot] = valueEnd;
          escapes[slot] = escaped;
        }
      }
      fields++;
      const delimiter = fieldEnd < length ? bytes[fieldEnd] : -1;
      if (delimiter === COMMA) {
        if (fieldEnd + 1 < length) {
          at = fieldEnd + 1;
          continue;
        }
        if (!eof) return MORE;
        // A comma as the very last byte: an empty last field.
        if (fields < slotCount && slots[fields] >= 0) {
          starts[slots[fields]] = length;
          ends[slots[fields]] = length;
          escapes[slots[fields]] = 0;
        }
        fields++;
        pos = length;
      } else if (delimiter === CR) {
        if (fieldEnd + 1 >= length) return eof ? REFUSED : MORE;
        if (bytes[fieldEnd + 1] !== LF) return REFUSED;
        pos = fieldEnd + 2;
      } else {
        pos = delimiter === LF ? fieldEnd + 1 : length;
      }
      return fields === this.plan.fieldCount ? pos : REFUSED;
    }
  }

  /**
   * Whether the record just scanned is in the load's scope, as the record builder's row filter
   * tests its text; REFUSED when the filter would keep it for the builder to refuse.
   */
  private inScope(bytes: Buffer): boolean | typeof REFUSED {
    const { starts, ends, escapes, readers, bounds } = this;
    const scope = this.plan.scope;
    for (let t = 0; t < scope.length; t++) {
      const { column, condition } = scope[t];
      const a = starts[column];
      const b = ends[column];
      const reader = readers[column];
      switch (condition.op) {
        case 'between': {
          if (escapes[column] === 1 || !isAsciiAt(bytes, a, b)) return REFUSED;
          // A datetime is compared by its first ten characters, its date.
          const dateEnd = Math.min(b, a + 10);
          if (
            compareAscii(bytes, a, dateEnd, bounds[t].from) >= 0 &&
            compareAscii(bytes, a, dateEnd, bounds[t].to) <= 0
          )
            break;
          if (a === b ? reader.column.required : !this.isValid(reader, bytes, a, b)) return REFUSED;
          return false;
        }
        case 'in': {
          const text = textAt(bytes, a, b, escapes[column] === 1);
          if (condition.values.includes(text)) break;
          if (a === b ? reader.column.required : reader.parse(text) === undefined) return REFUSED;
          return false;
        }
        case 'is': {
          if (escapes[column] === 1 || !isAsciiAt(bytes, a, b)) return REFUSED;
          const value = booleanAt(bytes, a, b);
          if (value === (condition.value ? 1 : 0)) break;
          // Blank when required, or no boolean: the builder refuses it.
          if (a === b ? reader.column.required : value < 0 || reader.column.type !== 'boolean')
            return REFUSED;
          return false;
        }
        case 'notBlank':
          if (a === b) return false;
          break;
      }
    }
    return true;
  }

  /** Checks the scanned record's values as the record builder does and stores them as row `n`. */
  private store(bytes: Buffer, n: number, texts: FieldValue[][], idCounts: Int32Array): boolean {
    const { starts, ends, escapes, readers } = this;
    for (let c = 0; c < readers.length; c++) {
      const reader = readers[c];
      const a = starts[c];
      const b = ends[c];
      const kind = reader.kind;
      if (a === b) {
        if (reader.column.required) return false;
        if (kind === 'number') this.numbers[c][n] = NaN;
        else if (kind === 'boolean') this.flags[c][n] = 2;
        else this.codes[c][n] = BLANK;
        continue;
      }
      if (kind === 'number') {
        const value = escapes[c] === 1 ? undefined : decimalAt(bytes, a, b, reader.column.rule);
        if (value === undefined) return false;
        this.numbers[c][n] = value;
      } else if (kind === 'boolean') {
        const value = escapes[c] === 1 ? -1 : booleanAt(bytes, a, b);
        if (value < 0) return false;
        this.flags[c][n] = value;
      } else if (kind === 'key' || (kind === 'id' && reader.dictionary.size >= DICTIONARY_LIMIT)) {
        if (escapes[c] === 1 || !canonicalIdBytes(bytes, a, b - a, this.idBytes[c], idCounts[c] * ID))
          return false;
        idCounts[c]++;
        if (kind === 'key') {
          this.keyHigh[n] = lastIdDigits[0];
          this.keyLow[n] = lastIdDigits[1];
        }
        this.codes[c][n] = RAW;
      } else {
        const code = this.code(reader, bytes, a, b, escapes[c]);
        if (code === undefined) return false;
        if (code === RAW) texts[c].push(this.rawValue);
        this.codes[c][n] = code;
      }
    }
    return true;
  }

  private added(base: number[]): RangeResult['added'] {
    return this.readers.map((r, c) => ({ base: base[c], values: r.values.slice(base[c]) }));
  }

  /** A range the reference reader must read (the dictionaries' new entries are still reported). */
  private declined(start: number): RangeResult {
    return {
      start,
      end: start,
      rows: 0,
      inScope: 0,
      declined: true,
      columns: [],
      texts: [],
      ids: [],
      added: this.added(this.readers.map((r) => r.values.length)),
      keyHigh: new Float64Array(0),
      keyLow: new Float64Array(0)
    };
  }

  /** The code of a non-blank value of a coded column, or undefined when the value is refused. */
  private code(
    reader: ColumnReader,
    bytes: Buffer,
    a: number,
    b: number,
    escaped: number
  ): number | undefined {
    if (escaped === 1) {
      const value = reader.parse(textAt(bytes, a, b, true));
      if (value === undefined) return undefined;
      this.rawValue = value;
      return RAW;
    }
    const hash = hashAt(bytes, a, b);
    const known = reader.dictionary.find(bytes, a, b, hash);
    if (known >= 0) return reader.valid[known] ? known : undefined;
    const value = reader.parse(textAt(bytes, a, b, false));
    if (reader.dictionary.size >= DICTIONARY_LIMIT) {
      if (value === undefined) return undefined;
      this.rawValue = value;
      return RAW;
    }
    const code = reader.dictionary.add(bytes, a, b, hash);
    reader.valid[code] = value !== undefined;
    reader.values[code] = value === undefined ? null : value;
    return value === undefined ? undefined : code;
  }

  /** Whether the record builder takes a non-blank, quote-free value. */
  private isValid(reader: ColumnReader, bytes: Buffer, a: number, b: number): boolean {
    if (reader.kind === 'coded' || reader.kind === 'id')
      return this.code(reader, bytes, a, b, 0) !== undefined;
    return reader.parse(textAt(bytes, a, b, false)) !== undefined;
  }
}

function indexOrLength(bytes: Buffer, byte: number, from: number): number {
  const index = bytes.indexOf(byte, from);
  return index === -1 ? bytes.length : index;
}

/**
 * Where a range's first record starts when it is not known: just after the first line break
 * at or after `from - 1` (bytes[0] at `from - 1`). A guess: the break may lie inside a quoted
 * field, which the main thread finds out when the range before ends elsewhere; −1 when there
 * is no line break in the bytes.
 */
export function guessRecordStart(bytes: Buffer): number {
  const lf = bytes.indexOf(LF, 0);
  return lf === -1 ? -1 : lf + 1;
}

// Node's own slices (what toString('latin1' | 'utf8', ...) calls after checking its arguments).
declare module 'node:buffer' {
  interface Buffer {
    utf8Slice(start: number, end: number): string;
  }
}
