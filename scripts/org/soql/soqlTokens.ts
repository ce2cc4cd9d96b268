import { queryError, unexpectedToken } from './queryErrors';

/**
 * SOQL's tokens. Words are identifiers and keywords alike (the parser decides by position, as
 * SOQL lets most keywords be field names). A bind is read whole here, as the Apex expression
 * after the colon, because it follows Apex's grammar, not SOQL's: `:ids`, `:call.Id`,
 * `:won.keySet()`, `:rows[0].Id`. It ends at whitespace, a comma or an unbalanced `)`.
 */
export type Token =
  | { kind: 'word'; text: string; upper: string; at: number }
  | { kind: 'string'; value: string; likePattern: string; at: number }
  | { kind: 'number'; text: string; value: number; at: number }
  | { kind: 'date'; text: string; at: number }
  | { kind: 'datetime'; text: string; at: number }
  | { kind: 'bind'; expression: string; at: number }
  | { kind: 'symbol'; text: string; at: number }
  | { kind: 'end'; at: number };

const DATE = /^\d{4}-\d{2}-\d{2}/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;
const SYMBOLS = ['!=', '<>', '<=', '>=', '=', '<', '>', '(', ')', ',', '.', ':'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    const rest = text.slice(at);
    if (char === "'") {
      const { token, end } = readString(text, at);
      tokens.push(token);
      at = end;
      continue;
    }
    const datetime = DATETIME.exec(rest);
    if (datetime) {
      tokens.push({ kind: 'datetime', text: datetime[0], at });
      at += datetime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], at });
      at += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number && (/[\d.]/.test(char) || /\d|\.\d/.test(rest.slice(1, 3)))) {
      tokens.push({ kind: 'number', text: number[0], value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    const word = WORD.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], upper: word[0].toUpperCase(), at });
      at += word[0].length;
      continue;
    }
    // `LAST_N_DAYS:30` is a colon and a number; any other colon starts a bind.
    if (char === ':' && !/^:\s*\d/.test(rest)) {
      const { expression, end } = readBind(text, at + 1);
      if (expression === '') throw unexpectedToken(':');
      tokens.push({ kind: 'bind', expression, at });
      at = end;
      continue;
    }
    const symbol = SYMBOLS.find((s) => rest.startsWith(s));
    if (!symbol) throw unexpectedToken(char);
    tokens.push({ kind: 'symbol', text: symbol, at });
    at += symbol.length;
  }
  tokens.push({ kind: 'end', at });
  return tokens;
}

/**
 * A quoted string with SOQL's escapes. `\%` and `\_` only mean something to LIKE, so the text
 * keeps them as written; `likePattern` is the same text with every escape LIKE understands left
 * escaped, so that `'50\\%'` (a backslash, then any text) and `'50\%'` (a percent sign) differ.
 */
function readString(text: string, start: number): { token: Token; end: number } {
  let value = '';
  let likePattern = '';
  let at = start + 1;
  while (at < text.length) {
    const char = text[at];
    if (char === "'") return { token: { kind: 'string', value, likePattern, at: start }, end: at + 1 };
    if (char !== '\\') {
      value += char;
      likePattern += char;
      at++;
      continue;
    }
    const next = text[at + 1];
    const escaped = ESCAPES[next];
    if (escaped === undefined)
      throw queryError(
        `Invalid string literal '${text.slice(start, at + 2)}'. Illegal character sequence '\\${next ?? ''}' in string literal.`
      );
    value += next === '%' || next === '_' ? `\\${next}` : escaped;
    likePattern += next === '%' || next === '_' || next === '\\' ? `\\${next}` : escaped;
    at += 2;
  }
  throw unexpectedToken('<EOF>');
}

const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  f: '\f',
  '"': '"',
  "'": "'",
  '\\': '\\',
  '%': '%',
  _: '_'
};

/** The Apex expression of a bind: brackets balanced, strings skipped, ended by whitespace, `,` or `)` at depth 0. */
function readBind(text: string, start: number): { expression: string; end: number } {
  let at = start;
  while (at < text.length && /\s/.test(text[at])) at++;
  const from = at;
  let depth = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === "'") {
      at++;
      while (at < text.length && text[at] !== "'") at += text[at] === '\\' ? 2 : 1;
      at++;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (/\s/.test(char) || char === ',')) break;
    at++;
  }
  return { expression: text.slice(from, at), end: at };
}
