/**
 * Salesforce record ids: a 3-character key prefix naming the object, 12 characters of record
 * number (15, case-sensitive), and a 3-character suffix that encodes the case of the first 15 so
 * that the 18-character form survives case-insensitive systems. The runtime stores and hands
 * out 18-character ids and accepts either form wherever Apex accepts an Id.
 */
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_CHARS = /^[a-zA-Z0-9]+$/;

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let block = 0; block < 3; block++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charCodeAt(block * 5 + i);
      if (char >= 65 && char <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return suffix;
}

/** The 18-character form of a 15- or 18-character id, or null when the text is not an id. */
export function normalizeId(text: string): string | null {
  if ((text.length !== 15 && text.length !== 18) || !ID_CHARS.test(text)) return null;
  const id15 = text.slice(0, 15);
  const suffix = checksumSuffix(id15);
  if (text.length === 18 && text.slice(15).toUpperCase() !== suffix) return null;
  return id15 + suffix;
}

export function isRecordId(text: string): boolean {
  return normalizeId(text) !== null;
}

/** The record number `n` of an object with the given key prefix, as an 18-character id. */
export function makeId(keyPrefix: string, n: number): string {
  let digits = '';
  let rest = n;
  do {
    digits = BASE62[rest % 62] + digits;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  // The 4th to 6th characters are the instance and reserved digits of a real id; '0LR' marks local ones.
  const id15 = `${keyPrefix}0LR${digits.padStart(9, '0')}`;
  if (id15.length !== 15) throw new Error(`record number ${n} does not fit an id`);
  return id15 + checksumSuffix(id15);
}
