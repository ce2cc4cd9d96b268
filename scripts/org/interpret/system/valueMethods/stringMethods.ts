import { PlatformError } from '../../../platformError';
import { npe, toText } from '../../operators';
import { ApexList } from '../../values/collections';
import { STRING_TYPE } from '../../types';
import { javaRegex, javaReplacement } from '../javaRegex';
import type { MethodTable } from './valueMethod';

/** The instance methods of String, with Java's semantics where Apex inherits them (split, replaceAll, substring bounds). */
function str(value: unknown, method: string): string {
  if (value === null || value === undefined) throw npe();
  if (typeof value !== 'string')
    throw new PlatformError('System.TypeException', `${method} expects a String`);
  return value;
}

function int(value: unknown): number {
  if (value === null || value === undefined) throw npe();
  return Number(value);
}

function outOfRange(index: number): PlatformError {
  return new PlatformError('System.StringException', `Ending position out of bounds: ${index}`);
}

/** Java's String.split: trailing empty strings dropped unless the limit is negative. */
export function javaSplit(text: string, pattern: string, limit = 0): string[] {
  if (text === '') return [''];
  const regex = javaRegex(pattern, true);
  const parts: string[] = [];
  let last = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(text)) !== null) {
    if (limit > 0 && parts.length === limit - 1) break;
    if (match[0] === '') {
      regex.lastIndex++;
      if (match.index === 0 || match.index >= text.length) continue;
    }
    if (match.index === 0 && match[0] !== '' && last === 0 && parts.length === 0) {
      parts.push('');
      last = match.index + match[0].length;
      continue;
    }
    parts.push(text.slice(last, match.index));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  if (limit === 0) while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export const STRING_METHODS: MethodTable<string> = {
  abbreviate: (_ex, s, [max]) => {
    const n = int(max);
    return s.length <= n ? s : `${s.slice(0, Math.max(0, n - 3))}...`;
  },
  capitalize: (_ex, s) => (s === '' ? s : s[0].toUpperCase() + s.slice(1)),
  charat: (_ex, s, [i]) => s.charCodeAt(int(i)),
  compareto: (_ex, s, [other]) => {
    const o = str(other, 'compareTo');
    return s < o ? -1 : s > o ? 1 : 0;
  },
  contains: (_ex, s, [sub]) => s.includes(str(sub, 'contains')),
  containsignorecase: (_ex, s, [sub]) =>
    s.toLowerCase().includes(str(sub, 'containsIgnoreCase').toLowerCase()),
  containsnone: (_ex, s, [chars]) => ![...str(chars, 'containsNone')].some((c) => s.includes(c)),
  containsany: (_ex, s, [chars]) => [...str(chars, 'containsAny')].some((c) => s.includes(c)),
  containswhitespace: (_ex, s) => /\s/.test(s),
  countmatches: (_ex, s, [sub]) => {
    const needle = str(sub, 'countMatches');
    return needle === '' ? 0 : s.split(needle).length - 1;
  },
  deletewhitespace: (_ex, s) => s.replace(/\s+/g, ''),
  endswith: (_ex, s, [suffix]) => s.endsWith(str(suffix, 'endsWith')),
  endswithignorecase: (_ex, s, [suffix]) =>
    s.toLowerCase().endsWith(str(suffix, 'endsWithIgnoreCase').toLowerCase()),
  equals: (_ex, s, [other]) => s === other,
  equalsignorecase: (_ex, s, [other]) => typeof other === 'string' && s.toLowerCase() === other.toLowerCase(),
  escapesinglequotes: (_ex, s) => s.replace(/'/g, "\\'"),
  hashcode: (_ex, s) => {
    let hash = 0;
    for (let i = 0; i < s.length; i++) hash = (Math.imul(31, hash) + s.charCodeAt(i)) | 0;
    return hash;
  },
  indexof: (_ex, s, [sub, from]) => s.indexOf(str(sub, 'indexOf'), from === undefined ? 0 : int(from)),
  indexofignorecase: (_ex, s, [sub, from]) =>
    s.toLowerCase().indexOf(str(sub, 'indexOfIgnoreCase').toLowerCase(), from === undefined ? 0 : int(from)),
  isalllowercase: (_ex, s) => s !== '' && s === s.toLowerCase() && /[a-z]/.test(s),
  isalluppercase: (_ex, s) => s !== '' && s === s.toUpperCase() && /[A-Z]/.test(s),
  isalpha: (_ex, s) => /^\p{L}+$/u.test(s),
  isalphaspace: (_ex, s) => /^[\p{L} ]*$/u.test(s),
  isalphanumeric: (_ex, s) => /^[\p{L}\p{N}]+$/u.test(s),
  isnumeric: (_ex, s) => /^\p{N}+$/u.test(s),
  isnumericspace: (_ex, s) => /^[\p{N} ]*$/u.test(s),
  iswhitespace: (_ex, s) => /^\s*$/.test(s),
  lastindexof: (_ex, s, [sub]) => s.lastIndexOf(str(sub, 'lastIndexOf')),
  left: (_ex, s, [n]) => s.slice(0, Math.max(0, int(n))),
  leftpad: (_ex, s, [size, pad]) => s.padStart(int(size), pad === undefined ? ' ' : str(pad, 'leftPad')),
  length: (_ex, s) => s.length,
  mid: (_ex, s, [start, count]) => s.substr(int(start), int(count)),
  normalizespace: (_ex, s) => s.trim().replace(/\s+/g, ' '),
  remove: (_ex, s, [sub]) => s.split(str(sub, 'remove')).join(''),
  removeend: (_ex, s, [suffix]) => {
    const x = str(suffix, 'removeEnd');
    return x !== '' && s.endsWith(x) ? s.slice(0, -x.length) : s;
  },
  removestart: (_ex, s, [prefix]) => {
    const x = str(prefix, 'removeStart');
    return s.startsWith(x) ? s.slice(x.length) : s;
  },
  repeat: (_ex, s, [count]) => s.repeat(int(count)),
  replace: (_ex, s, [target, replacement]) =>
    s.split(str(target, 'replace')).join(str(replacement, 'replace')),
  replaceall: (_ex, s, [pattern, replacement]) =>
    s.replace(javaRegex(str(pattern, 'replaceAll'), true), javaReplacement(str(replacement, 'replaceAll'))),
  replacefirst: (_ex, s, [pattern, replacement]) =>
    s.replace(javaRegex(str(pattern, 'replaceFirst')), javaReplacement(str(replacement, 'replaceFirst'))),
  reverse: (_ex, s) => [...s].reverse().join(''),
  right: (_ex, s, [n]) => (int(n) <= 0 ? '' : s.slice(-int(n))),
  rightpad: (_ex, s, [size, pad]) => s.padEnd(int(size), pad === undefined ? ' ' : str(pad, 'rightPad')),
  split: (_ex, s, [pattern, limit]) =>
    new ApexList(STRING_TYPE, javaSplit(s, str(pattern, 'split'), limit === undefined ? 0 : int(limit))),
  startswith: (_ex, s, [prefix]) => s.startsWith(str(prefix, 'startsWith')),
  startswithignorecase: (_ex, s, [prefix]) =>
    s.toLowerCase().startsWith(str(prefix, 'startsWithIgnoreCase').toLowerCase()),
  strip: (_ex, s) => s.trim(),
  substring: (_ex, s, [start, end]) => {
    const from = int(start);
    const to = end === undefined ? s.length : int(end);
    if (from < 0 || to > s.length || from > to) throw outOfRange(to);
    return s.slice(from, to);
  },
  substringafter: (_ex, s, [sep]) => {
    const x = str(sep, 'substringAfter');
    const at = s.indexOf(x);
    return at < 0 ? '' : s.slice(at + x.length);
  },
  substringafterlast: (_ex, s, [sep]) => {
    const x = str(sep, 'substringAfterLast');
    const at = s.lastIndexOf(x);
    return at < 0 || x === '' ? '' : s.slice(at + x.length);
  },
  substringbefore: (_ex, s, [sep]) => {
    const x = str(sep, 'substringBefore');
    const at = s.indexOf(x);
    return at < 0 ? s : s.slice(0, at);
  },
  substringbeforelast: (_ex, s, [sep]) => {
    const x = str(sep, 'substringBeforeLast');
    const at = s.lastIndexOf(x);
    return at < 0 ? s : s.slice(0, at);
  },
  substringbetween: (_ex, s, [open, close]) => {
    const o = str(open, 'substringBetween');
    const c = close === undefined ? o : str(close, 'substringBetween');
    const start = s.indexOf(o);
    if (start < 0) return null;
    const end = s.indexOf(c, start + o.length);
    return end < 0 ? null : s.slice(start + o.length, end);
  },
  tolowercase: (_ex, s) => s.toLowerCase(),
  touppercase: (_ex, s) => s.toUpperCase(),
  trim: (_ex, s) => s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, ''),
  uncapitalize: (_ex, s) => (s === '' ? s : s[0].toLowerCase() + s.slice(1)),
  tostring: (_ex, s) => toText(s)
};
