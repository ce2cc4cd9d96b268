/**
 * Items in record id order, stably (each record's items keep their order). A report lists what
 * it found per record in the order the records were read; the order of an export's rows must
 * not show in it. An export in id order gives one run in order, or two (the opportunities'
 * findings, then the partner accounts'), which are returned as they are or merged in one pass:
 * sorting a million findings copies them twice.
 */
export function inRecordOrder<T extends { recordId: string }>(items: readonly T[]): readonly T[] {
  const first = runEnd(items, 0);
  if (first === items.length) return items;
  if (runEnd(items, first) === items.length) return merged(items, first);
  return [...items].sort(byRecord);
}

const byRecord = (a: { recordId: string }, b: { recordId: string }) =>
  a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;

/** The end of the run in order that starts at `start`. */
function runEnd(items: readonly { recordId: string }[], start: number): number {
  let i = start + 1;
  for (; i < items.length; i++) {
    const before = items[i - 1].recordId;
    const after = items[i].recordId;
    // One record's items share its id string: an identity test is enough for most of them.
    if (before !== after && before > after) break;
  }
  return i;
}

/** The two runs [0, middle) and [middle, end) merged; on equal ids the first run's item first. */
function merged<T extends { recordId: string }>(items: readonly T[], middle: number): T[] {
  const result = new Array<T>(items.length);
  let a = 0;
  let b = middle;
  for (let i = 0; i < result.length; i++) {
    result[i] =
      b >= items.length || (a < middle && items[a].recordId <= items[b].recordId) ? items[a++] : items[b++];
  }
  return result;
}
