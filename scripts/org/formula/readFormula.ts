import { ast, type FormulonNode } from 'formulon';
import { FormulaError } from './formulaTypes';

/**
 * Formula text → syntax tree. formulon's grammar does the parsing; this file adds what that
 * grammar lacks and Salesforce allows: `/* comments *\/` and backslash escapes inside text
 * literals. Both are taken out before formulon sees the text (comments become spaces, each
 * text literal a placeholder name), so a `"` or `/*` inside a literal can never be misread.
 */
export type FormulaNode =
  | {
      kind: 'literal';
      type: 'text' | 'number' | 'checkbox' | 'null';
      value: string | number | boolean | null;
    }
  | { kind: 'field'; reference: string }
  | { kind: 'call'; name: string; args: FormulaNode[] };

/** formulon's names for operators → the operator as written (also how messages name them). */
const OPERATORS: Readonly<Record<string, string>> = {
  add: '+',
  subtract: '-',
  multiply: '*',
  divide: '/',
  exponentiate: '^',
  equal: '=',
  unequal: '<>',
  lessThan: '<',
  lessThanOrEqual: '<=',
  greaterThan: '>',
  greaterThanOrEqual: '>='
};

const PLACEHOLDER_PREFIX = '$__psmsText';
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t'
};

export function readFormula(text: string): FormulaNode {
  const { source, texts } = separateLiterals(text);
  if (source.trim() === '') throw new FormulaError('the formula is empty');
  const tree = ast(source);
  if (!('type' in tree) || tree.type === 'error') throw new FormulaError(syntaxErrorMessage(source));
  return toNode(tree, texts);
}

function toNode(node: FormulonNode, texts: string[]): FormulaNode {
  switch (node.type) {
    case 'identifier':
      if (node.name.startsWith(PLACEHOLDER_PREFIX)) {
        return {
          kind: 'literal',
          type: 'text',
          value: texts[Number(node.name.slice(PLACEHOLDER_PREFIX.length))]
        };
      }
      return { kind: 'field', reference: node.name };
    case 'callExpression':
      return {
        kind: 'call',
        name: OPERATORS[node.id] ?? node.id.toUpperCase(),
        args: node.arguments.map((arg) => toNode(arg, texts))
      };
    case 'literal': {
      const { dataType, value } = node;
      if (dataType === 'number' && typeof value === 'number')
        return { kind: 'literal', type: 'number', value };
      if (dataType === 'checkbox' && typeof value === 'boolean')
        return { kind: 'literal', type: 'checkbox', value };
      if (dataType === 'text' && typeof value === 'string') return { kind: 'literal', type: 'text', value };
      if (dataType === 'null') return { kind: 'literal', type: 'null', value: null };
      throw new FormulaError(`unexpected ${dataType} literal from the parser`);
    }
  }
}

/** Comments → spaces (newlines kept), each text literal → a placeholder name; escapes resolved. */
function separateLiterals(text: string): { source: string; texts: string[] } {
  const texts: string[] = [];
  let source = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new FormulaError('a comment /* is never closed with */');
      source += text.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 2;
    } else if (char === '"' || char === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== char; j++) {
        if (text[j] !== '\\') {
          value += text[j];
          continue;
        }
        const escaped = ESCAPES[text[j + 1]];
        if (escaped === undefined) {
          throw new FormulaError(
            `invalid escape \\${text[j + 1] ?? ''} in a text literal (write \\\\ for a backslash)`
          );
        }
        value += escaped;
        j++;
      }
      if (j >= text.length) throw new FormulaError(`a text literal opened with ${char} is never closed`);
      source += ` ${PLACEHOLDER_PREFIX}${texts.length} `;
      texts.push(value);
      i = j + 1;
    } else {
      source += char;
      i++;
    }
  }
  return { source, texts };
}

/** formulon says only "Syntax error."; name the likely cause where it can be seen. */
function syntaxErrorMessage(source: string): string {
  const split = /([<>!=])\s+([=>])/.exec(source);
  if (split) {
    return `syntax error: "${split[0]}" is not an operator; write "${split[1]}${split[2]}" (a formatter may have inserted the space)`;
  }
  const opened = (source.match(/\(/g) ?? []).length;
  const closed = (source.match(/\)/g) ?? []).length;
  if (opened !== closed) return `syntax error: ${opened} "(" but ${closed} ")"`;
  if (/(^|[(,=<>+\-*/^&|!])\s*-\s*[A-Za-z_$(]/.test(source)) {
    return 'syntax error: a minus sign before a field or function is not supported by the parser; write 0 - x';
  }
  return 'syntax error';
}
