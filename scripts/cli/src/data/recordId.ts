/**
 * Salesforce record ids. An id is 15 case-sensitive letters and digits; the 18-character form
 * adds a 3-character suffix that encodes which of the 15 are upper case, so that a tool which
 * ignores case (a spreadsheet, a SQL join) cannot merge two ids. Exports mix the two forms (a
 * report export writes 15, Data Loader and the APIs 18), so the CLI reads either, checks the
 * suffix of an 18-character id against its first 15 characters, and hands every id on in its
 * 18-character form: two ids are then equal exactly when their 15-character forms are, and a
 * report shows the form the APIs and `psms export` write.
 */

/** The suffix alphabet: 5 case bits per character, 0–31. */
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * Per character code: 1 + its base-62 digit ('0'–'9', 'A'–'Z', 'a'–'z' as 0–61, which keeps the
 * ids' string order), or 0 when it may not be in an id.
 */
const DIGIT = new Uint8Array(128);
for (let code = 48; code <= 57; code++) DIGIT[code] = code - 47;
for (let code = 65; code <= 90; code++) DIGIT[code] = code - 54;
for (let code = 97; code <= 122; code++) DIGIT[code] = code - 60;

/**
 * The base-62 value of the first 8 and of the next 7 characters of the last id canonicalId
 * accepted: exact numbers (below 2^53) in the ids' order, which is how IdLines keeps ids. A
 * scratch pair written by every call, not a result object: a million-row export has millions
 * of ids, and reading them once is cheaper than twice.
 */
export const lastIdDigits = new Float64Array(2);

/**
 * The 18-character form of a 15- or 18-character id, or undefined when `text` is not a valid id.
 * One pass over the first 15 characters, a table look-up each.
 */
export function canonicalId(text: string): string | undefined {
  const length = text.length;
  if (length !== 15 && length !== 18) return undefined;
  let bits = 0;
  let high = 0;
  let low = 0;
  for (let i = 0; i < 15; i++) {
    // A code past the table reads undefined, refused like 0.
    const digit = DIGIT[text.charCodeAt(i)];
    if (!(digit > 0)) return undefined;
    if (digit >= 11 && digit <= 36) bits |= 1 << i;
    if (i < 8) high = high * 62 + digit - 1;
    else low = low * 62 + digit - 1;
  }
  const a = bits & 31;
  const b = (bits >> 5) & 31;
  const c = bits >> 10;
  if (length === 18) {
    if (
      text.charCodeAt(15) !== SUFFIX.charCodeAt(a) ||
      text.charCodeAt(16) !== SUFFIX.charCodeAt(b) ||
      text.charCodeAt(17) !== SUFFIX.charCodeAt(c)
    )
      return undefined;
  }
  lastIdDigits[0] = high;
  lastIdDigits[1] = low;
  return length === 18 ? text : text + SUFFIX[a] + SUFFIX[b] + SUFFIX[c];
}

/** Why `text` is not a record id (for the message; only asked once canonicalId refused it). */
export function idProblem(text: string): string {
  if (text.length !== 15 && text.length !== 18)
    return `is not a record id (15 or 18 letters and digits, not ${text.length})`;
  if (!/^[0-9A-Za-z]+$/.test(text)) return 'is not a record id (only letters and digits)';
  const expected = canonicalId(text.slice(0, 15)) as string;
  return `is not a record id: an 18-character id ending ${expected.slice(15)} was expected for ${text.slice(0, 15)} (was the id's case changed?)`;
}

/**
 * canonicalId over bytes (the parallel reader reads ids without decoding them): writes the
 * 18-character form of `bytes[at, at + length)` to `out[outAt, outAt + 18)` and sets
 * lastIdDigits, or returns false when the bytes are not a valid id — exactly when canonicalId
 * refuses their text (a byte above 0x7f is no id character, in any encoding).
 */
export function canonicalIdBytes(
  bytes: Uint8Array,
  at: number,
  length: number,
  out: Uint8Array,
  outAt: number
): boolean {
  if (length !== 15 && length !== 18) return false;
  let bits = 0;
  let high = 0;
  let low = 0;
  for (let i = 0; i < 15; i++) {
    const code = bytes[at + i];
    const digit = DIGIT[code];
    if (!(digit > 0)) return false;
    if (digit >= 11 && digit <= 36) bits |= 1 << i;
    if (i < 8) high = high * 62 + digit - 1;
    else low = low * 62 + digit - 1;
    out[outAt + i] = code;
  }
  const a = SUFFIX.charCodeAt(bits & 31);
  const b = SUFFIX.charCodeAt((bits >> 5) & 31);
  const c = SUFFIX.charCodeAt(bits >> 10);
  if (length === 18 && (bytes[at + 15] !== a || bytes[at + 16] !== b || bytes[at + 17] !== c)) return false;
  out[outAt + 15] = a;
  out[outAt + 16] = b;
  out[outAt + 17] = c;
  lastIdDigits[0] = high;
  lastIdDigits[1] = low;
  return true;
}
