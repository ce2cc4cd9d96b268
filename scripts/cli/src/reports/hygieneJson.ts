import type { HygieneFinding, HygieneReport } from '../engine';
import { JsonPieces, JsonRows } from '../output/jsonChunks';
import { inRecordOrder } from '../output/recordOrder';

/**
 * `psms hygiene --json` written as the opportunities are evaluated: every few thousand, the
 * engine hands over its findings and scores (HygieneEvaluation.take) and they become JSON text
 * at once, so that a million opportunities' 1.8M findings are never held as objects together
 * (the garbage collector copied them about, ~3 s of a 1M-row run).
 *
 * The output is the one the report always printed: findings and scores in record id order
 * (each record's in rule order), as inRecordOrder orders them. An export in id order gives the
 * text in that order already (then the partner accounts' plan findings are merged in between
 * the parts); anything else — an export out of order, an account id inside a part's range —
 * turns the text back into the objects it was written from and orders them as before.
 */

type Row = Pick<HygieneFinding, 'rule' | 'severity' | 'recordId' | 'reason'>;

/** A run of elements as JSON text, the ids of its first and last record, and whether its ids never go down. */
interface Part {
  text: string;
  first: string;
  last: string;
  inOrder: boolean;
}

/** JSON strings of the few values that repeat in every finding (rule ids, severities), made once. */
const QUOTED = new Map<string, string>();
function quoted(text: string): string {
  let json = QUOTED.get(text);
  if (json === undefined) {
    json = JSON.stringify(text);
    QUOTED.set(text, json);
  }
  return json;
}

/** A score as JSON.stringify writes { recordId, score } (SPEC §9's two keys). */
export function scoreJson({ recordId, score }: HygieneReport['scores'][number]): string {
  return `{"recordId":${JSON.stringify(recordId)},"score":${JSON.stringify(score)}}`;
}

/** A finding as JSON.stringify writes { rule, severity, recordId, reason }. */
export function findingJson({ rule, severity, recordId, reason }: Row): string {
  return `{"rule":${quoted(rule)},"severity":${quoted(severity)},"recordId":${JSON.stringify(recordId)},"reason":${JSON.stringify(reason)}}`;
}

/**
 * Elements written as they come, joined into parts of about `partChars`: a part that large is
 * made outside the young generation, so the garbage collector never copies it, and the small
 * strings it is joined from die young (parts of one hand-over each, ~80 KB, were copied into the
 * old generation: ~0.3 s more garbage collection at 1M rows).
 */
const PART_CHARS = 1 << 18;

class Parts<T extends { recordId: string }> {
  readonly parts: Part[] = [];
  private texts: string[] = [];
  private chars = 0;
  private first = '';
  private last = '';
  private inOrder = true;

  constructor(
    private readonly render: (item: T) => string,
    private readonly partChars: number
  ) {}

  add(items: readonly T[]): void {
    for (const item of items) {
      const text = this.render(item);
      if (this.texts.length === 0) {
        this.first = item.recordId;
      } else if (this.last !== item.recordId && this.last > item.recordId) {
        this.inOrder = false;
      }
      this.last = item.recordId;
      this.texts.push(text);
      this.chars += text.length + 1;
    }
    if (this.chars >= this.partChars) this.flush();
  }

  flush(): readonly Part[] {
    if (this.texts.length > 0) {
      this.parts.push({
        text: this.texts.join(','),
        first: this.first,
        last: this.last,
        inOrder: this.inOrder
      });
      this.texts = [];
      this.chars = 0;
      this.inOrder = true;
    }
    return this.parts;
  }
}

/** Parts whose ids never go down across them either: one run, as inRecordOrder sees it. */
function oneRun(parts: readonly Part[]): boolean {
  for (let i = 0; i < parts.length; i++) {
    if (!parts[i].inOrder) return false;
    if (i > 0 && parts[i - 1].last > parts[i].first) return false;
  }
  return true;
}

export class HygieneJson {
  private readonly findings: Parts<Row>;
  private readonly scoreParts: Parts<HygieneReport['scores'][number]>;

  /** `partChars`: the size of the parts (tests make them small). */
  constructor(partChars = PART_CHARS) {
    this.findings = new Parts(findingJson, partChars);
    this.scoreParts = new Parts(scoreJson, partChars);
  }
  /** How many findings (of opportunities) and scores were written. */
  findingCount = 0;
  scores = 0;

  /** What the evaluation handed over: written now, the objects let go. */
  add(taken: Pick<HygieneReport, 'findings' | 'scores'>): void {
    this.findingCount += taken.findings.length;
    this.scores += taken.scores.length;
    this.findings.add(taken.findings);
    this.scoreParts.add(taken.scores);
  }

  /**
   * The report's JSON. `report`: the evaluation's report after everything was taken, so its
   * findings and scores are the partner accounts' (plan findings, their scores), in id order.
   */
  json(report: HygieneReport): object {
    return {
      asOf: report.asOf,
      findings: ordered(this.findings.flush(), report.findings, findingJson),
      scores: ordered(this.scoreParts.flush(), report.scores, scoreJson),
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
  render: (item: T) => string
): JsonPieces | JsonRows<T> {
  const sorted = () => new JsonRows<T>(inRecordOrder([...parts.flatMap(parsed<T>), ...extras]), render);
  if (!oneRun(parts) || extras.some((item, i) => i > 0 && extras[i - 1].recordId > item.recordId))
    return sorted();
  const pieces: string[] = [];
  let extra = 0;
  for (const p of parts) {
    // An account's element goes before the first part whose ids are all after it; one that
    // falls inside a part's ids cannot be placed in its text.
    while (extra < extras.length && extras[extra].recordId < p.first) pieces.push(render(extras[extra++]));
    if (extra < extras.length && extras[extra].recordId < p.last) return sorted();
    pieces.push(p.text);
  }
  while (extra < extras.length) pieces.push(render(extras[extra++]));
  return new JsonPieces(pieces);
}

/** The objects a part's text was written from (JSON.parse gives them back field for field). */
function parsed<T>(p: Part): T[] {
  return JSON.parse(`[${p.text}]`) as T[];
}
