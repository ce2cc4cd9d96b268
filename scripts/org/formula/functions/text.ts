import { FormulaError } from '../formulaTypes';
import { isoDate, timeText, type Value } from '../formulaValues';
import { checkArity, expectArg, plainFunction, type FormulaFunction } from './formulaFunction';
import { callFormulon } from './formulonCall';

/**
 * Text functions. Blank text is "" (Salesforce never hands a formula a null text), so LEN of a
 * blank field is 0 and REGEX tests "" against the pattern. The plain ones run in formulon.
 */
function viaFormulon(
  name: string,
  params: Parameters<typeof plainFunction>[0]['params'],
  returns: 'text' | 'number' | 'checkbox',
  min?: number
) {
  return plainFunction({ params, returns, min, run: (values, types) => callFormulon(name, values, types) });
}

/** TEXT(): a number as Salesforce writes it, a date 'YYYY-MM-DD', a datetime 'YYYY-MM-DD HH:mm:ssZ', a picklist's API value. */
const text = plainFunction({
  params: [['number', 'date', 'datetime', 'time', 'picklist']],
  returns: 'text',
  acceptsBlank: true,
  run([value], [type]) {
    if (value === null) return '';
    if (type === 'date') return isoDate(value as number);
    if (type === 'datetime')
      return new Date(value as number)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, 'Z');
    if (type === 'time') return timeText(value as number);
    return String(value);
  }
});

const NUMBER_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

const value = plainFunction({
  params: [['text']],
  returns: 'number',
  run([content]) {
    if (content === '') return null;
    if (!NUMBER_TEXT.test(content as string))
      throw new FormulaError(`VALUE(): ${JSON.stringify(content)} is not a number`);
    return Number(content);
  }
});

const isNumber = plainFunction({
  params: [['text']],
  returns: 'checkbox',
  acceptsBlank: true,
  run: ([content]) => typeof content === 'string' && NUMBER_TEXT.test(content)
});

/** The pattern must match the whole text, as Salesforce's REGEX (Java `matches`) does. */
function wholeMatch(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (error) {
    throw new FormulaError(
      `REGEX(): invalid pattern ${JSON.stringify(pattern)}: ${(error as Error).message}`
    );
  }
}

const regex: FormulaFunction = {
  check(name, args) {
    checkArity(name, args, 2);
    expectArg(name, args, 0, ['text']);
    expectArg(name, args, 1, ['text']);
    const pattern = args[1];
    if (pattern.kind === 'literal' && typeof pattern.value === 'string') wholeMatch(pattern.value);
    return 'checkbox';
  },
  evaluate([subject, pattern], scope) {
    const source = scope.evaluate(pattern);
    if (source === null) return null;
    return wholeMatch(source as string).test((scope.evaluate(subject) as string | null) ?? '');
  }
};

/** LPAD and RPAD pad with spaces when no padding text is given. */
function pad(name: 'LPAD' | 'RPAD') {
  return plainFunction({
    params: [['text'], ['number'], ['text']],
    min: 2,
    returns: 'text',
    run: ([content, length, padding], types) =>
      callFormulon(name, [content, length, padding ?? ' '], [...types.slice(0, 2), 'text'])
  });
}

/** LOWER and UPPER take an optional locale, which formulon ignores as Salesforce's default locale does. */
function changeCase(name: 'LOWER' | 'UPPER') {
  return plainFunction({
    params: [['text'], ['text']],
    min: 1,
    returns: 'text',
    run: ([content], [type]) => callFormulon(name, [content], [type])
  });
}

const caseSafeId = plainFunction({
  params: [['text']],
  returns: 'text',
  run([id], types) {
    const text = id as string;
    if (text.length === 18) return text;
    if (text.length !== 15)
      throw new FormulaError(`CASESAFEID(): ${JSON.stringify(text)} is not a 15- or 18-character id`);
    return callFormulon('CASESAFEID', [id], types);
  }
});

export const TEXT_FUNCTIONS: Readonly<Record<string, FormulaFunction>> = {
  TEXT: text,
  VALUE: value,
  ISNUMBER: isNumber,
  REGEX: regex,
  BEGINS: viaFormulon('BEGINS', [['text'], ['text']], 'checkbox'),
  CONTAINS: viaFormulon('CONTAINS', [['text'], ['text']], 'checkbox'),
  FIND: viaFormulon('FIND', [['text'], ['text'], ['number']], 'number', 2),
  LEFT: viaFormulon('LEFT', [['text'], ['number']], 'text'),
  RIGHT: viaFormulon('RIGHT', [['text'], ['number']], 'text'),
  MID: viaFormulon('MID', [['text'], ['number'], ['number']], 'text'),
  LEN: viaFormulon('LEN', [['text']], 'number'),
  TRIM: viaFormulon('TRIM', [['text']], 'text'),
  SUBSTITUTE: viaFormulon('SUBSTITUTE', [['text'], ['text'], ['text']], 'text'),
  HYPERLINK: viaFormulon('HYPERLINK', [['text'], ['text'], ['text']], 'text', 2),
  BR: plainFunction({ params: [], returns: 'text', run: (): Value => '\n' }),
  LOWER: changeCase('LOWER'),
  UPPER: changeCase('UPPER'),
  LPAD: pad('LPAD'),
  RPAD: pad('RPAD'),
  CASESAFEID: caseSafeId
};
