import { PlatformError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import { ApexObject } from '../runtimeClass';
import { javaRegex } from './javaRegex';
import { ApexList } from '../values/collections';
import { STRING_TYPE } from '../types';
import { javaSplit } from './valueMethods/stringMethods';
import { nativeClass } from './nativeClass';

/** Pattern and Matcher over Java-syntax regular expressions (matches() is a whole-input match, as in Java). */
interface MatcherState {
  source: string;
  input: string;
  match: RegExpExecArray | null;
  from: number;
}

function state(self: unknown): MatcherState {
  return (self as ApexObject).native as unknown as MatcherState;
}

function requireMatch(m: MatcherState): RegExpExecArray {
  if (!m.match) throw new PlatformError('System.StringException', 'No match found');
  return m.match;
}

export function installPattern(registry: ClassRegistry): void {
  const matcher = nativeClass(registry, {
    name: 'System.Matcher',
    aliases: ['Matcher'],
    methods: {
      matches: (_ex, self) => {
        const m = state(self);
        const whole = new RegExp(`^(?:${javaRegex(m.source).source})$`, javaRegex(m.source).flags);
        m.match = whole.exec(m.input);
        return m.match !== null;
      },
      find: (_ex, self) => {
        const m = state(self);
        const regex = javaRegex(m.source, true);
        regex.lastIndex = m.from;
        m.match = regex.exec(m.input);
        if (m.match) m.from = m.match.index + Math.max(1, m.match[0].length);
        return m.match !== null;
      },
      lookingAt: (_ex, self) => {
        const m = state(self);
        m.match = new RegExp(`^(?:${javaRegex(m.source).source})`, javaRegex(m.source).flags).exec(m.input);
        return m.match !== null;
      },
      group: (_ex, self, [index]) => {
        const match = requireMatch(state(self));
        return match[index === undefined ? 0 : Number(index)] ?? null;
      },
      groupCount: (_ex, self) => new RegExp(`${javaRegex(state(self).source).source}|`).exec('')!.length - 1,
      start: (_ex, self) => requireMatch(state(self)).index,
      end: (_ex, self) => {
        const match = requireMatch(state(self));
        return match.index + match[0].length;
      },
      reset: (_ex, self) => {
        const m = state(self);
        m.match = null;
        m.from = 0;
        return self;
      },
      replaceAll: (_ex, self, [replacement]) =>
        state(self).input.replace(javaRegex(state(self).source, true), String(replacement)),
      replaceFirst: (_ex, self, [replacement]) =>
        state(self).input.replace(javaRegex(state(self).source), String(replacement))
    }
  });
  nativeClass(registry, {
    name: 'System.Pattern',
    aliases: ['Pattern'],
    staticMethods: {
      compile: (_ex, _self, [source]) => {
        javaRegex(String(source));
        const pattern = new ApexObject(registry.systemClass('System.Pattern'));
        pattern.native = { source: String(source), toText: () => String(source) };
        return pattern;
      },
      matches: (_ex, _self, [source, input]) =>
        new RegExp(`^(?:${javaRegex(String(source)).source})$`, javaRegex(String(source)).flags).test(
          String(input)
        ),
      quote: (_ex, _self, [text]) => `\\Q${String(text)}\\E`
    },
    methods: {
      matcher: (_ex, self, [input]) => {
        const m = new ApexObject(matcher);
        m.native = { source: (self as ApexObject).native.source, input: String(input), match: null, from: 0 };
        return m;
      },
      pattern: (_ex, self) => (self as ApexObject).native.source,
      split: (_ex, self, [input]) =>
        new ApexList(STRING_TYPE, javaSplit(String(input), String((self as ApexObject).native.source)))
    }
  });
}
