import { createHash } from 'node:crypto';
import { PlatformError, UnsupportedError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import { npe, toId, toText } from '../operators';
import { ApexList, ApexSet } from '../values/collections';
import { Decimal, isNumber, numberOf, toDouble } from '../values/numbers';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal';
import { method, nativeClass } from './nativeClass';

/**
 * The static side of the primitive types (String.valueOf, Integer.valueOf, Date.newInstance,
 * Math ...). Parsing is strict where Apex's is: Integer.valueOf('x') is a TypeException.
 */
function requireValue(value: unknown): unknown {
  if (value === null || value === undefined) throw npe();
  return value;
}

function parseNumber(text: string, integer: boolean): number {
  const trimmed = text.trim();
  const valid = integer
    ? /^[+-]?\d+$/.test(trimmed)
    : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed);
  if (!valid)
    throw new PlatformError('System.TypeException', `Invalid ${integer ? 'integer' : 'decimal'}: ${text}`);
  return Number(trimmed);
}

/** Java MessageFormat as String.format applies it: {n} placeholders, '' for a quote, 'quoted' text literal, numbers grouped. */
export function messageFormat(template: string, args: unknown[]): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c === "'") {
      if (template[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = template.indexOf("'", i + 1);
      out += template.slice(i + 1, end < 0 ? template.length : end);
      i = end < 0 ? template.length : end + 1;
      continue;
    }
    if (c === '{') {
      const end = template.indexOf('}', i);
      const index = Number(template.slice(i + 1, end).split(',')[0]);
      if (end < 0 || !Number.isInteger(index))
        throw new PlatformError('System.StringException', `Invalid format: ${template}`);
      out += index < args.length ? formatArgument(args[index]) : template.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function formatArgument(value: unknown): string {
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (value instanceof Decimal) return value.value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return value === null || value === undefined ? 'null' : toText(value);
}

/** Crypto.generateDigest's algorithm names (Apex Reference: Crypto class) → node:crypto's. */
const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA1: 'sha1',
  'SHA-256': 'sha256',
  'SHA-512': 'sha512',
  'SHA3-256': 'sha3-256',
  'SHA3-384': 'sha3-384',
  'SHA3-512': 'sha3-512'
};

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export function installPrimitives(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'String',
    aliases: ['System.String'],
    staticMethods: {
      valueOf: method((_ex, _self, [value]) => toText(value)),
      valueOfGmt: (_ex, _self, [value]) => toText(value),
      format: (_ex, _self, [template, args]) => {
        if (template === null || template === undefined) throw npe();
        const values = args instanceof ApexList ? args.items : [];
        return messageFormat(String(template), values);
      },
      join: (_ex, _self, [values, separator]) => {
        if (values === null || values === undefined) throw npe();
        const items =
          values instanceof ApexList ? values.items : values instanceof ApexSet ? values.values() : [];
        return items.map((v) => (v === null ? 'null' : toText(v))).join(toText(separator));
      },
      isBlank: (_ex, _self, [value]) => isBlank(value),
      isNotBlank: (_ex, _self, [value]) => !isBlank(value),
      isEmpty: (_ex, _self, [value]) => value === null || value === undefined || value === '',
      isNotEmpty: (_ex, _self, [value]) => !(value === null || value === undefined || value === ''),
      escapeSingleQuotes: (_ex, _self, [value]) => String(requireValue(value)).replace(/'/g, "\\'"),
      fromCharArray: (_ex, _self, [codes]) => String.fromCharCode(...(codes as ApexList).items.map(Number))
    }
  });
  const integerValueOf = (_ex: unknown, _self: unknown, [value]: unknown[]): unknown => {
    if (value === null || value === undefined) throw npe();
    if (typeof value === 'string') return parseNumber(value, true);
    if (isNumber(value)) return Math.trunc(numberOf(value));
    throw new PlatformError('System.TypeException', `Invalid integer: ${toText(value)}`);
  };
  nativeClass(registry, {
    name: 'Integer',
    aliases: ['System.Integer'],
    staticMethods: { valueOf: integerValueOf }
  });
  nativeClass(registry, {
    name: 'Long',
    aliases: ['System.Long'],
    staticMethods: { valueOf: integerValueOf }
  });
  nativeClass(registry, {
    name: 'Decimal',
    aliases: ['System.Decimal'],
    staticMethods: {
      valueOf: method((_ex, _self, [value]) => {
        if (value === null || value === undefined) throw npe();
        if (typeof value === 'string') {
          const n = parseNumber(value, false);
          const point = value.trim().indexOf('.');
          return new Decimal(n, point < 0 ? undefined : value.trim().length - point - 1);
        }
        if (isNumber(value)) return new Decimal(numberOf(value));
        throw new PlatformError('System.TypeException', `Invalid decimal: ${toText(value)}`);
      })
    }
  });
  nativeClass(registry, {
    name: 'Double',
    aliases: ['System.Double'],
    staticMethods: {
      valueOf: method((_ex, _self, [value]) => {
        if (value === null || value === undefined) throw npe();
        return toDouble(typeof value === 'string' ? parseNumber(value, false) : (value as number | Decimal));
      })
    }
  });
  nativeClass(registry, {
    name: 'Boolean',
    aliases: ['System.Boolean'],
    staticMethods: {
      valueOf: method((_ex, _self, [value]) =>
        typeof value === 'boolean' ? value : String(value).toLowerCase() === 'true'
      )
    }
  });
  nativeClass(registry, {
    name: 'Id',
    aliases: ['System.Id'],
    staticMethods: {
      valueOf: method((_ex, _self, [value]) => toId(String(requireValue(value))))
    }
  });
  nativeClass(registry, {
    name: 'Date',
    aliases: ['System.Date'],
    staticMethods: {
      today: (ex) => ex.org.clock.today(),
      newInstance: (_ex, _self, [year, month, day]) => ApexDate.of(Number(year), Number(month), Number(day)),
      valueOf: method((_ex, _self, [value]) => {
        if (value instanceof ApexDatetime) return value.date();
        const date = typeof value === 'string' ? ApexDate.parse(value) : null;
        if (!date) throw new PlatformError('System.TypeException', `Invalid date: ${toText(value)}`);
        return date;
      }),
      parse: (_ex, _self, [value]) => {
        const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(value).trim());
        if (!match) throw new PlatformError('System.TypeException', `Invalid date: ${toText(value)}`);
        return ApexDate.of(Number(match[3]), Number(match[1]), Number(match[2]));
      },
      daysInMonth: (_ex, _self, [year, month]) =>
        new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate(),
      isLeapYear: (_ex, _self, [year]) => {
        const y = Number(year);
        return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      }
    }
  });
  const newDatetime = (_ex: unknown, _self: unknown, args: unknown[]): ApexDatetime => {
    if (args.length === 1 && typeof args[0] === 'number') return new ApexDatetime(args[0]);
    if (args[0] instanceof ApexDate)
      return new ApexDatetime(
        (args[0] as ApexDate).days * 86_400_000 + (args[1] instanceof ApexTime ? args[1].ms : 0)
      );
    const [y, mo, d, h, mi, s] = args.map((a) => (a === undefined ? 0 : Number(a)));
    return ApexDatetime.ofGmt(y, mo, d, h, mi, s);
  };
  nativeClass(registry, {
    name: 'Datetime',
    aliases: ['System.Datetime'],
    staticMethods: {
      now: (ex) => ex.now(),
      newInstance: newDatetime,
      newInstanceGmt: newDatetime,
      valueOf: method((_ex, _self, [value]) => {
        const parsed = typeof value === 'string' ? ApexDatetime.parse(value) : null;
        if (!parsed) throw new PlatformError('System.TypeException', `Invalid date/time: ${toText(value)}`);
        return parsed;
      }),
      valueOfGmt: (_ex, _self, [value]) => {
        const parsed = typeof value === 'string' ? ApexDatetime.parse(value) : null;
        if (!parsed) throw new PlatformError('System.TypeException', `Invalid date/time: ${toText(value)}`);
        return parsed;
      }
    }
  });
  nativeClass(registry, {
    name: 'Time',
    aliases: ['System.Time'],
    staticMethods: {
      newInstance: (_ex, _self, [h, m, s, ms]) =>
        new ApexTime(((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + Number(ms ?? 0))
    }
  });
  const math =
    (fn: (...n: number[]) => number, whole = false) =>
    (_ex: unknown, _self: unknown, args: unknown[]) => {
      const values = args.map((a) => numberOf(requireValue(a) as number | Decimal));
      const result = fn(...values);
      const allWhole = args.every((a) => typeof a === 'number');
      return whole || allWhole ? result : new Decimal(result);
    };
  nativeClass(registry, {
    name: 'Math',
    aliases: ['System.Math'],
    staticMethods: {
      abs: math(Math.abs),
      max: math(Math.max),
      min: math(Math.min),
      mod: (_ex, _self, [a, b]) => {
        const x = numberOf(requireValue(a) as number);
        const y = numberOf(requireValue(b) as number);
        if (y === 0) throw new PlatformError('System.MathException', 'Divide by 0');
        return x % y;
      },
      ceil: math(Math.ceil),
      floor: math(Math.floor),
      round: math((n) => Math.sign(n) * Math.round(Math.abs(n)), true),
      roundToLong: math((n) => Math.sign(n) * Math.round(Math.abs(n)), true),
      pow: (_ex, _self, [a, b]) => toDouble(numberOf(a as number) ** numberOf(b as number)),
      sqrt: (_ex, _self, [a]) => toDouble(Math.sqrt(numberOf(a as number))),
      random: () => toDouble(Math.random())
    }
  });
  nativeClass(registry, {
    name: 'Blob',
    aliases: ['System.Blob'],
    staticMethods: {
      valueOf: method((_ex, _self, [text]) => Buffer.from(String(requireValue(text)), 'utf8'))
    }
  });
  nativeClass(registry, {
    name: 'System.EncodingUtil',
    aliases: ['EncodingUtil'],
    staticMethods: {
      base64Encode: (_ex, _self, [value]) =>
        Buffer.from(requireValue(value) as Uint8Array).toString('base64'),
      base64Decode: (_ex, _self, [text]) => Buffer.from(String(text), 'base64'),
      urlEncode: (_ex, _self, [text]) => encodeURIComponent(String(text)).replace(/%20/g, '+'),
      urlDecode: (_ex, _self, [text]) => decodeURIComponent(String(text).replace(/\+/g, ' ')),
      convertToHex: (_ex, _self, [value]) => Buffer.from(requireValue(value) as Uint8Array).toString('hex')
    }
  });
  nativeClass(registry, {
    name: 'System.Crypto',
    aliases: ['Crypto'],
    staticMethods: {
      generateDigest: (_ex, _self, [algorithm, input]) => {
        const name = DIGESTS[String(requireValue(algorithm))];
        if (!name)
          throw new PlatformError(
            'System.InvalidParameterValueException',
            `Invalid algorithm: ${toText(algorithm)}`
          );
        return createHash(name)
          .update(requireValue(input) as Uint8Array)
          .digest();
      }
    }
  });
  void UnsupportedError;
}
