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

/** The bits of one block of 5 characters (bit i set when character i is A–Z), or −1 when a character is no letter or digit. */
function caseBits(text: string, from: number): number {
  let bits = 0;
  for (let i = 0; i < 5; i++) {
    const code = text.charCodeAt(from + i);
    if (code >= 65 && code <= 90) bits |= 1 << i;
    else if (!((code >= 48 && code <= 57) || (code >= 97 && code <= 122))) return -1;
  }
  return bits;
}

/** The 18-character form of a 15- or 18-character id, or undefined when `text` is not a valid id. */
export function canonicalId(text: string): string | undefined {
  const length = text.length;
  if (length !== 15 && length !== 18) return undefined;
  const a = caseBits(text, 0);
  const b = caseBits(text, 5);
  const c = caseBits(text, 10);
  if (a < 0 || b < 0 || c < 0) return undefined;
  if (length === 15) return text + SUFFIX[a] + SUFFIX[b] + SUFFIX[c];
  return text.charCodeAt(15) === SUFFIX.charCodeAt(a) &&
    text.charCodeAt(16) === SUFFIX.charCodeAt(b) &&
    text.charCodeAt(17) === SUFFIX.charCodeAt(c)
    ? text
    : undefined;
}

/** Why `text` is not a record id (for the message; only asked once canonicalId refused it). */
export function idProblem(text: string): string {
  if (text.length !== 15 && text.length !== 18)
    return `is not a record id (15 or 18 letters and digits, not ${text.length})`;
  if (!/^[0-9A-Za-z]+$/.test(text)) return 'is not a record id (only letters and digits)';
  const expected = canonicalId(text.slice(0, 15)) as string;
  return `is not a record id: an 18-character id ending ${expected.slice(15)} was expected for ${text.slice(0, 15)} (was the id's case changed?)`;
}
