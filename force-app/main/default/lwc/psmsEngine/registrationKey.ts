import type { Deal_Registration__c } from './records';
import { sha256Hex } from './sha256';

/**
 * The registration key of SPEC §6: normalised end customer + `|` + product line. Each
 * normaliser repeats its steps until nothing changes, so applying it twice gives the same
 * result as once (a stored key re-normalises to itself). A key longer than its Text(255) fields
 * is fitted to them (fitKey), so any legal input has a key the org can store.
 */

/** The length of Registration_Key__c and Normalized_Key__c, in UTF-16 code units as Apex counts. */
export const MAX_KEY_LENGTH = 255;
const DIGEST_LENGTH = 64;

const LEGAL_SUFFIXES = new Set([
  'inc',
  'incorporated',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'ag',
  'sa',
  'sas',
  'bv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company'
]);

function untilStable(value: string, step: (text: string) => string): string {
  let current = value;
  for (;;) {
    const next = step(current);
    if (next === current) {
      return current;
    }
    current = next;
  }
}

/** The web or e-mail domain: lower case, no scheme, no `www.`, no path, no port, no trailing dot. */
export function normalizeDomain(domain: string): string {
  return untilStable(domain, (text) => {
    let host = text
      .trim()
      .toLowerCase()
      .replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
    host = host.split(/[/?#]/, 1)[0];
    host = host.slice(host.lastIndexOf('@') + 1);
    host = host.replace(/:\d*$/, '');
    return host
      .replace(/^(www\.)+/, '')
      .replace(/\.+$/, '')
      .trim();
  });
}

/**
 * The company name: lower case, punctuation removed, white space collapsed, legal-suffix words
 * removed from the end repeatedly. The last word is kept even if it is a suffix word, so that a
 * company called "Company Inc" still has a key.
 */
export function normalizeCompanyName(name: string): string {
  return untilStable(name, (text) => {
    const words = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .split(/\s+/)
      .filter((word) => word !== '');
    while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1])) {
      words.pop();
    }
    return words.join(' ');
  });
}

/** The normalised end customer: the domain when given, otherwise the company name. */
export function normalizeCustomer(
  name: string | null | undefined,
  domain: string | null | undefined
): string {
  const byDomain = domain ? normalizeDomain(domain) : '';
  return byDomain !== '' ? byDomain : normalizeCompanyName(name ?? '');
}

/** The key, or `null` when the registration names no end customer (it cannot be keyed). */
export function registrationKey(
  registration: Pick<
    Deal_Registration__c,
    'End_Customer_Name__c' | 'End_Customer_Domain__c' | 'Product_Line__c'
  >
): string | null {
  const customer = normalizeCustomer(registration.End_Customer_Name__c, registration.End_Customer_Domain__c);
  if (customer === '') {
    return null;
  }
  return fitKey(`${customer}|${(registration.Product_Line__c ?? '').trim().toLowerCase()}`);
}

/**
 * A key of at most 255 characters: a longer one keeps its first 190, then `#` and the SHA-256
 * (hex) of the whole key, so two long keys are equal exactly when their full texts are (`#`
 * appears in no normalised customer). A surrogate pair is never cut in half. RegistrationKey.cls
 * does the same; the shared case file checks both.
 */
export function fitKey(key: string): string {
  if (key.length <= MAX_KEY_LENGTH) {
    return key;
  }
  let keep = MAX_KEY_LENGTH - DIGEST_LENGTH - 1;
  const last = key.charCodeAt(keep - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    keep--;
  }
  return `${key.slice(0, keep)}#${sha256Hex(key)}`;
}
