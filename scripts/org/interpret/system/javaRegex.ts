import { PlatformError } from '../../platformError';

/**
 * Apex patterns are Java regular expressions. Most of their syntax is JavaScript's too; this
 * converts the parts that differ in the patterns Apex code commonly writes: Unicode classes
 * (`\p{L}` needs the u flag), inline flags at the start (`(?i)`), and `\Q...\E` quoting.
 * A pattern JavaScript cannot compile is reported as the platform reports a bad pattern.
 */
const cache = new Map<string, RegExp>();

export function javaRegex(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : ''}${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  let source = pattern.replace(/\\Q([\s\S]*?)(\\E|$)/g, (_m, quoted: string) =>
    quoted.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  );
  let flags = global ? 'g' : '';
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const f of inline[1]) if (f !== 'x' && !flags.includes(f)) flags += f;
  }
  if (/\\[pP]\{/.test(source)) flags += 'u';
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, flags);
  } catch (error) {
    throw new PlatformError('System.StringException', `Invalid regex: ${(error as Error).message}`);
  }
  cache.set(key, compiled);
  return compiled;
}

/** Java's replacement string: `$1` groups, `\$` a literal dollar. */
export function javaReplacement(replacement: string): string {
  return replacement.replace(/\\\$/g, '$$$$').replace(/\\\\/g, '\\');
}
