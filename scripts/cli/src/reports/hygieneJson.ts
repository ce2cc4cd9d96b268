import type { HygieneFinding, HygieneReport } from '../engine';
import { JsonPieces } from '../output/jsonChunks';
import { inRecordOrder } from '../output/recordOrder';

/**
 * `psms hygiene --json` written as the opportunities are evaluated: every few hundred, the
 * engine hands over its findings and scores (HygieneEvaluation.take) and they become JSON bytes
 * at once, so that a million opportunities' 1.8M findings are never held as objects together
 * (the garbage collector copied them about, ~3 s of a 1M-row run).
 *
 * The output is the one the report always printed, JSON.stringify's text byte for byte: findings
 * and scores in record id order (each record's in rule order), as inRecordOrder orders them. An
 * export in id order gives the bytes in that order already (then the partner accounts' plan
 * findings are merged in between the parts); anything else — an export out of order, an account
 * id inside a part's range — turns the bytes back into the objects they were written from and
 * orders them as before.
 */

type Finding = Pick<HygieneFinding, 'rule' | 'severity' | 'recordId' | 'reason'>;
type Score = HygieneReport['scores'][number];

/** A run of elements as JSON (UTF-8), the ids of its first and last record, and whether its ids never go down. */
interface Part {
  bytes: Buffer;
  first: string;
  last: string;
  inOrder: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const CLOSE = 0x7d;
const ascii = (text: string) => Buffer.from(text, 'latin1');
const REASON_KEY = ascii(',"reason":');
const SCORE_OPEN = ascii('{"recordId":');
const SCORE_KEY = ascii(',"score":');

/** `{"rule":…,"severity":…,"recordId":` per rule and severity, made once. */
const FINDING_OPEN = new Map<string, Map<string, Buffer>>();
function findingOpen(rule: string, severity: string): Buffer {
  let bySeverity = FINDING_OPEN.get(rule);
  if (bySeverity === undefined) {
    bySeverity = new Map();
    FINDING_OPEN.set(rule, bySeverity);
  }
  let open = bySeverity.get(severity);
  if (open === undefined) {
    open = Buffer.from(`{"rule":${JSON.stringify(rule)},"severity":${JSON.stringify(severity)},"recordId":`);
    bySeverity.set(severity, open);
  }
  return open;
}

/**
 * Elements written as they come, straight into parts of about `partBytes` of UTF-8: the bytes the
 * output writes, made once, outside the JavaScript heap. Made as strings, each element was
 * concatenated, joined into a part, then encoded again as it was written: three copies of 260 MB
 * at a million opportunities (~1.4 s), and garbage collection of the strings on top.
 */
const PART_BYTES = 1 << 20;

class Parts {
  readonly parts: Part[] = [];
  private buffer: Buffer | null = null;
  private used = 0;
  private first = '';
  private last = '';
  private inOrder = true;

  constructor(private readonly partBytes: number) {}

  findings(items: readonly Finding[]): void {
    for (const { rule, severity, recordId, reason } of items) {
      const open = findingOpen(rule, severity);
      this.element(recordId, open.length + REASON_KEY.length + room(recordId) + room(reason) + 1);
      this.bytes(open);
      this.string(recordId);
      this.bytes(REASON_KEY);
      this.string(reason);
      (this.buffer as Buffer)[this.used++] = CLOSE;
    }
  }

  scores(items: readonly Score[]): void {
    for (const { recordId, score } of items) {
      // JSON.stringify's number (null for a value JSON has none for), as plain ASCII.
      const number = JSON.stringify(score) ?? 'null';
      this.element(recordId, SCORE_OPEN.length + room(recordId) + SCORE_KEY.length + number.length + 1);
      this.bytes(SCORE_OPEN);
      this.string(recordId);
      this.bytes(SCORE_KEY);
      this.plain(number);
      (this.buffer as Buffer)[this.used++] = CLOSE;
    }
  }

  flush(): readonly Part[] {
    if (this.buffer !== null) {
      this.parts.push({
        bytes: this.buffer.subarray(0, this.used),
        first: this.first,
        last: this.last,
        inOrder: this.inOrder
      });
      this.buffer = null;
      this.inOrder = true;
    }
    return this.parts;
  }

  /** Starts an element of at most `bytes` (with its comma) in this part, or in a new one. */
  private element(recordId: string, bytes: number): void {
    if (this.buffer !== null && this.used + bytes + 1 > this.buffer.length) this.flush();
    if (this.buffer === null) {
      this.buffer = Buffer.allocUnsafe(Math.max(this.partBytes, bytes));
      this.used = 0;
      this.first = recordId;
    } else {
      if (this.last !== recordId && this.last > recordId) this.inOrder = false;
      this.buffer[this.used++] = COMMA;
    }
    this.last = recordId;
  }

  private bytes(bytes: Buffer): void {
    const buffer = this.buffer as Buffer;
    let at = this.used;
    for (let i = 0; i < bytes.length; i++) buffer[at++] = bytes[i];
    this.used = at;
  }

  /** Text known to be printable ASCII without quotes or backslashes. */
  private plain(text: string): void {
    const buffer = this.buffer as Buffer;
    let at = this.used;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.used = at;
  }

  /**
   * A JSON string as JSON.stringify writes it: printable ASCII without a quote or a backslash is
   * copied as it is; anything else (an escape, a character beyond ASCII) is left to JSON.stringify.
   */
  private string(text: string): void {
    const buffer = this.buffer as Buffer;
    let at = this.used;
    buffer[at++] = QUOTE;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === QUOTE || c === BACKSLASH) {
        this.used += buffer.write(JSON.stringify(text), this.used, 'utf8');
        return;
      }
      buffer[at++] = c;
    }
    buffer[at++] = QUOTE;
    this.used = at;
  }
}

/** The most bytes a string can take as JSON: 6 per unit escaped (\u001f), or 3 per unit in UTF-8 of JSON.stringify's text. */
function room(text: string): number {
  return text.length * 6 + 2;
}

export class HygieneJson {
  private readonly findingParts: Parts;
  private readonly scoreParts: Parts;

  /** `partBytes`: the size of the parts (tests make them small). */
  constructor(private readonly partBytes = PART_BYTES) {
    this.findingParts = new Parts(partBytes);
    this.scoreParts = new Parts(partBytes);
  }
  /** How many findings (of opportunities) and scores were written. */
  findingCount = 0;
  scores = 0;

  /** What the evaluation handed over: written now, the objects let go. */
  add(taken: Pick<HygieneReport, 'findings' | 'scores'>): void {
    this.findingCount += taken.findings.length;
    this.scores += taken.scores.length;
    this.findingParts.findings(taken.findings);
    this.scoreParts.scores(taken.scores);
  }

  /**
   * The report's JSON. `report`: the evaluation's report after everything was taken, so its
   * findings and scores are the partner accounts' (plan findings, their scores), in id order;
   * or a report nothing was taken from, all of whose findings and scores are then ordered here.
   */
  json(report: HygieneReport): object {
    const written = (write: (parts: Parts) => void) => {
      const parts = new Parts(this.partBytes);
      write(parts);
      return parts.flush();
    };
    return {
      asOf: report.asOf,
      findings: ordered(this.findingParts.flush(), report.findings, (items) =>
        written((parts) => parts.findings(items))
      ),
      scores: ordered(this.scoreParts.flush(), report.scores, (items) =>
        written((parts) => parts.scores(items))
      ),
      hygienePercent: report.hygienePercent,
      unreliable: report.unreliable
    };
  }
}

/**
 * The opportunities' elements (the parts) then the accounts', as inRecordOrder orders them: one
 * run as it is; two runs (the parts, then the accounts' in order) merged, the parts first on
 * equal ids; else sorted.
 */
function ordered<T extends { recordId: string }>(
  parts: readonly Part[],
  extras: readonly T[],
  write: (items: readonly T[]) => readonly Part[]
): JsonPieces {
  const pieces = (written: readonly Part[]) => new JsonPieces(written.map((p) => p.bytes));
  const sorted = () => pieces(write(inRecordOrder([...parts.flatMap(parsed<T>), ...extras])));
  if (!oneRun(parts) || extras.some((item, i) => i > 0 && extras[i - 1].recordId > item.recordId))
    return sorted();
  const merged: Part[] = [];
  let extra = 0;
  // The accounts' elements before the first part whose ids are all after them, written together.
  const extrasBefore = (id: string | null) => {
    const from = extra;
    while (extra < extras.length && (id === null || extras[extra].recordId < id)) extra++;
    if (extra > from) merged.push(...write(extras.slice(from, extra)));
  };
  for (const p of parts) {
    extrasBefore(p.first);
    // One that falls inside a part's ids cannot be placed in its bytes.
    if (extra < extras.length && extras[extra].recordId < p.last) return sorted();
    merged.push(p);
  }
  extrasBefore(null);
  return pieces(merged);
}

/** Parts whose ids never go down across them either: one run, as inRecordOrder sees it. */
function oneRun(parts: readonly Part[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].inOrder) return false;
    if (i > 0 && parts[i - 1].last > parts[i].first) return false;
  }
  return true;
}

/** The objects a part's bytes were written from (JSON.parse gives them back field for field). */
function parsed<T>(p: Part): T[] {
  return JSON.parse(`[${p.bytes.toString('utf8')}]`) as T[];
}
