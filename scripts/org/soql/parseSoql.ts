import { UnsupportedError } from '../platformError';
import { dateLiteralKind } from './dateLiterals';
import { queryError, unexpectedToken } from './queryErrors';
import type {
  AggregateFunction,
  ComparisonOperator,
  Condition,
  CountValue,
  DateCall,
  DateFunction,
  FieldPath,
  GroupExpression,
  InValues,
  Literal,
  OrderItem,
  SecurityClause,
  SelectItem,
  SoqlQuery,
  ValueExpression
} from './soqlAst';
import { tokenize, type Token } from './soqlTokens';

/**
 * SOQL text → SoqlQuery, by recursive descent over SOQL's grammar: keywords in any case, the
 * clauses in the platform's order, errors as the platform's QueryException ("unexpected token:
 * 'FORM'"). Constructs the local runtime does not implement (TYPEOF, FIELDS(), FORMAT(), USING
 * SCOPE, WITH DATA CATEGORY, GROUP BY ROLLUP ...) throw UnsupportedError rather than being read
 * as something else.
 */
export function parseSoql(text: string): SoqlQuery {
  const parser = new Parser(text, tokenize(text));
  const query = parser.query();
  parser.expectEnd();
  return query;
}

const AGGREGATES: ReadonlySet<string> = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);
const DATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR'
]);
const UNSUPPORTED_FUNCTIONS: ReadonlySet<string> = new Set([
  'FIELDS',
  'FORMAT',
  'CONVERTCURRENCY',
  'GROUPING',
  'DISTANCE',
  'GEOLOCATION'
]);
/** Words that end a SELECT item or FROM clause, so they are never read as an alias. */
const RESERVED: ReadonlySet<string> = new Set([
  'AND',
  'ASC',
  'DESC',
  'EXCLUDES',
  'FIRST',
  'FOR',
  'FROM',
  'GROUP',
  'HAVING',
  'IN',
  'INCLUDES',
  'LAST',
  'LIKE',
  'LIMIT',
  'NOT',
  'NULL',
  'NULLS',
  'OFFSET',
  'OR',
  'ORDER',
  'SELECT',
  'USING',
  'WHERE',
  'WITH',
  'UPDATE',
  'ALL',
  'TRUE',
  'FALSE'
]);

class Parser {
  private at = 0;
  private readonly binds: string[] = [];

  constructor(
    private readonly text: string,
    private readonly tokens: Token[]
  ) {}

  query(): SoqlQuery {
    const start = this.peek().at;
    this.keyword('SELECT');
    const select = this.selectList();
    this.keyword('FROM');
    const from = this.fromClause();
    if (this.isWord('USING')) throw new UnsupportedError('SOQL USING SCOPE');
    const where = this.acceptWord('WHERE') ? this.condition() : undefined;
    const security = this.withClause();
    const groupBy = this.groupBy();
    const having = this.acceptWord('HAVING') ? this.condition() : undefined;
    const orderBy = this.orderBy();
    const limit = this.acceptWord('LIMIT') ? this.count() : undefined;
    const offset = this.acceptWord('OFFSET') ? this.count() : undefined;
    const { lock, allRows } = this.trailer();
    const end = this.peek().at;
    return {
      select,
      from,
      where,
      security,
      groupBy,
      having,
      orderBy,
      limit,
      offset,
      lock,
      allRows,
      binds: this.binds,
      text: this.text.slice(start, end).trim()
    };
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw unexpectedToken(this.describe(token));
  }

  // --- SELECT ---------------------------------------------------------------------------

  private selectList(): SelectItem[] {
    const items: SelectItem[] = [this.selectItem()];
    while (this.acceptSymbol(',')) items.push(this.selectItem());
    return items;
  }

  private selectItem(): SelectItem {
    if (this.acceptSymbol('(')) {
      const query = this.subquery();
      this.symbol(')');
      return { kind: 'subquery', query };
    }
    const word = this.peek();
    if (word.kind === 'word' && word.upper === 'TYPEOF') throw new UnsupportedError('SOQL TYPEOF');
    if (word.kind === 'word' && word.upper === 'TOLABEL' && this.peekSymbol('(', 1)) {
      this.next();
      this.symbol('(');
      const field = this.fieldPath();
      this.symbol(')');
      return { kind: 'toLabel', field, alias: this.alias() };
    }
    const expression = this.valueExpression();
    return { kind: 'expression', expression, alias: this.alias() };
  }

  /** An alias is a plain word followed by `,` or FROM; `SELECT Id FORM Account` stops at FORM. */
  private alias(): string | undefined {
    const token = this.peek();
    if (token.kind !== 'word' || RESERVED.has(token.upper)) return undefined;
    const after = this.tokens[this.at + 1];
    const ends =
      (after.kind === 'symbol' && after.text === ',') || (after.kind === 'word' && after.upper === 'FROM');
    if (!ends) return undefined;
    this.next();
    return token.text;
  }

  private subquery(): SoqlQuery {
    const inner = new Parser(this.text, this.tokens);
    inner.at = this.at;
    const query = inner.query();
    this.at = inner.at;
    this.binds.push(...query.binds);
    return query;
  }

  // --- expressions ----------------------------------------------------------------------

  private valueExpression(): ValueExpression {
    const token = this.peek();
    if (token.kind === 'word' && this.peekSymbol('(', 1)) {
      const name = token.upper;
      if (AGGREGATES.has(name)) {
        this.next();
        this.symbol('(');
        const arg = name === 'COUNT' && this.peekSymbol(')') ? null : this.fieldPath();
        this.symbol(')');
        return { kind: 'aggregate', fn: name as AggregateFunction, arg };
      }
      if (DATE_FUNCTIONS.has(name)) return this.dateCall();
      if (UNSUPPORTED_FUNCTIONS.has(name)) throw new UnsupportedError(`SOQL ${token.text}()`);
      throw new UnsupportedError(`SOQL function ${token.text}()`);
    }
    return this.fieldPath();
  }

  private dateCall(): DateCall {
    const fn = this.next() as Extract<Token, { kind: 'word' }>;
    this.symbol('(');
    let arg: FieldPath;
    const inner = this.peek();
    if (inner.kind === 'word' && inner.upper === 'CONVERTTIMEZONE' && this.peekSymbol('(', 1)) {
      // Users of the local org work in GMT, so converting to their time zone changes nothing.
      this.next();
      this.symbol('(');
      arg = this.fieldPath();
      this.symbol(')');
    } else arg = this.fieldPath();
    this.symbol(')');
    return { kind: 'date', fn: fn.upper as DateFunction, arg };
  }

  private fieldPath(): FieldPath {
    const first = this.peek();
    if (first.kind === 'word' && RESERVED.has(first.upper)) throw unexpectedToken(first.text);
    const path = [this.word()];
    while (this.acceptSymbol('.')) path.push(this.word());
    return { kind: 'field', path };
  }

  // --- FROM, WITH -----------------------------------------------------------------------

  private fromClause(): { name: string; alias?: string } {
    const name = this.word();
    if (this.peekSymbol('.')) throw unexpectedToken('.');
    const token = this.peek();
    if (token.kind === 'word' && !RESERVED.has(token.upper)) {
      this.next();
      return { name, alias: token.text };
    }
    return { name };
  }

  private withClause(): SecurityClause | undefined {
    if (!this.acceptWord('WITH')) return undefined;
    const token = this.peek();
    if (token.kind === 'word' && token.upper === 'DATA')
      throw new UnsupportedError('SOQL WITH DATA CATEGORY');
    const mode = this.word().toUpperCase();
    if (mode === 'USER_MODE' || mode === 'SYSTEM_MODE' || mode === 'SECURITY_ENFORCED') return mode;
    throw unexpectedToken(this.describe(this.tokens[this.at - 1]));
  }

  // --- WHERE / HAVING -------------------------------------------------------------------

  /** SOQL needs parentheses to mix AND and OR: `a AND b OR c` is an error, not a precedence rule. */
  private condition(): Condition {
    const first = this.unaryCondition();
    const token = this.peek();
    if (token.kind !== 'word' || (token.upper !== 'AND' && token.upper !== 'OR')) return first;
    const kind = token.upper;
    const operands = [first];
    for (;;) {
      const next = this.peek();
      if (next.kind !== 'word' || (next.upper !== 'AND' && next.upper !== 'OR')) break;
      if (next.upper !== kind) throw unexpectedToken(next.text);
      this.next();
      operands.push(this.unaryCondition());
    }
    return kind === 'AND' ? { kind: 'and', operands } : { kind: 'or', operands };
  }

  private unaryCondition(): Condition {
    if (this.acceptWord('NOT')) return { kind: 'not', operand: this.unaryCondition() };
    if (this.acceptSymbol('(')) {
      const inner = this.condition();
      this.symbol(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const left = this.valueExpression();
    const token = this.next();
    if (token.kind === 'symbol' && ['=', '!=', '<>', '<', '<=', '>', '>='].includes(token.text)) {
      const operator = (token.text === '<>' ? '!=' : token.text) as ComparisonOperator;
      return { kind: 'comparison', left, operator, value: this.literal() };
    }
    if (token.kind === 'word') {
      switch (token.upper) {
        case 'LIKE':
          return { kind: 'comparison', left, operator: 'LIKE', value: this.literal() };
        case 'IN':
          return { kind: 'in', left, negated: false, values: this.inValues() };
        case 'NOT':
          this.keyword('IN');
          return { kind: 'in', left, negated: true, values: this.inValues() };
        case 'INCLUDES':
        case 'EXCLUDES':
          return { kind: 'includes', left, excludes: token.upper === 'EXCLUDES', values: this.literalList() };
      }
    }
    throw unexpectedToken(this.describe(token));
  }

  private inValues(): InValues {
    const token = this.peek();
    if (token.kind === 'bind') {
      this.next();
      this.binds.push(token.expression);
      return { kind: 'bind', expression: token.expression };
    }
    this.symbol('(');
    if (this.isWord('SELECT')) {
      const query = this.subquery();
      this.symbol(')');
      return { kind: 'subquery', query };
    }
    this.at--;
    return { kind: 'list', values: this.literalList() };
  }

  private literalList(): Literal[] {
    const token = this.peek();
    if (token.kind === 'bind') return [this.literal()];
    this.symbol('(');
    const values = [this.literal()];
    while (this.acceptSymbol(',')) values.push(this.literal());
    this.symbol(')');
    return values;
  }

  private literal(): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { kind: 'string', value: token.value, likePattern: token.likePattern };
      case 'number':
        return { kind: 'number', value: token.value, text: token.text };
      case 'date':
        return { kind: 'date', text: token.text };
      case 'datetime':
        return { kind: 'datetime', text: token.text };
      case 'bind':
        this.binds.push(token.expression);
        return { kind: 'bind', expression: token.expression };
      case 'word':
        return this.wordLiteral(token);
      default:
        throw unexpectedToken(this.describe(token));
    }
  }

  private wordLiteral(token: Extract<Token, { kind: 'word' }>): Literal {
    if (token.upper === 'TRUE' || token.upper === 'FALSE')
      return { kind: 'boolean', value: token.upper === 'TRUE' };
    if (token.upper === 'NULL') return { kind: 'null' };
    const kind = dateLiteralKind(token.upper);
    if (kind === 'plain') return { kind: 'dateLiteral', name: token.upper };
    if (kind === 'counted') {
      this.symbol(':');
      const n = this.next();
      if (n.kind !== 'number' || !Number.isInteger(n.value) || n.value < 0)
        throw unexpectedToken(this.describe(n));
      return { kind: 'dateLiteral', name: token.upper, n: n.value };
    }
    if (/^[A-Z]{3}-?\d/.test(token.upper)) throw new UnsupportedError(`SOQL currency literal ${token.text}`);
    throw unexpectedToken(token.text);
  }

  // --- GROUP BY, ORDER BY, LIMIT, trailers ------------------------------------------------

  private groupBy(): GroupExpression[] {
    if (!this.acceptWord('GROUP')) return [];
    this.keyword('BY');
    if (this.isWord('ROLLUP') || this.isWord('CUBE')) throw new UnsupportedError('SOQL GROUP BY ROLLUP/CUBE');
    const items: GroupExpression[] = [];
    do {
      const expression = this.valueExpression();
      if (expression.kind === 'aggregate') throw queryError('Cannot group by an aggregated field');
      items.push(expression);
    } while (this.acceptSymbol(','));
    return items;
  }

  private orderBy(): OrderItem[] {
    if (!this.acceptWord('ORDER')) return [];
    this.keyword('BY');
    const items: OrderItem[] = [];
    do {
      const expression = this.valueExpression();
      let descending = false;
      if (this.acceptWord('DESC')) descending = true;
      else this.acceptWord('ASC');
      let nullsLast = false;
      if (this.acceptWord('NULLS')) {
        if (this.acceptWord('LAST')) nullsLast = true;
        else this.keyword('FIRST');
      }
      items.push({ expression, descending, nullsLast });
    } while (this.acceptSymbol(','));
    return items;
  }

  private count(): CountValue {
    const token = this.next();
    if (token.kind === 'bind') {
      this.binds.push(token.expression);
      return { kind: 'bind', expression: token.expression };
    }
    if (token.kind === 'number' && Number.isInteger(token.value) && token.value >= 0)
      return { kind: 'number', value: token.value };
    throw unexpectedToken(this.describe(token));
  }

  private trailer(): { lock?: 'UPDATE' | 'VIEW' | 'REFERENCE'; allRows: boolean } {
    let lock: 'UPDATE' | 'VIEW' | 'REFERENCE' | undefined;
    let allRows = false;
    for (;;) {
      if (this.acceptWord('FOR')) {
        const what = this.word().toUpperCase();
        if (what !== 'UPDATE' && what !== 'VIEW' && what !== 'REFERENCE')
          throw unexpectedToken(this.describe(this.tokens[this.at - 1]));
        lock = what;
      } else if (this.isWord('UPDATE')) {
        throw new UnsupportedError('SOQL UPDATE TRACKING / UPDATE VIEWSTAT');
      } else if (this.isWord('ALL') && this.isWord('ROWS', 1)) {
        this.at += 2;
        allRows = true;
      } else return { lock, allRows };
    }
  }

  // --- tokens ---------------------------------------------------------------------------

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.at + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.at++;
    return token;
  }

  private isWord(upper: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'word' && token.upper === upper;
  }

  private acceptWord(upper: string): boolean {
    if (!this.isWord(upper)) return false;
    this.at++;
    return true;
  }

  private keyword(upper: string): void {
    if (!this.acceptWord(upper)) throw unexpectedToken(this.describe(this.peek()));
  }

  private word(): string {
    const token = this.next();
    if (token.kind !== 'word') throw unexpectedToken(this.describe(token));
    return token.text;
  }

  private peekSymbol(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'symbol' && token.text === text;
  }

  private acceptSymbol(text: string): boolean {
    if (!this.peekSymbol(text)) return false;
    this.at++;
    return true;
  }

  private symbol(text: string): void {
    if (!this.acceptSymbol(text)) throw unexpectedToken(this.describe(this.peek()));
  }

  /** The token as the platform quotes it in "unexpected token: '…'". */
  private describe(token: Token): string {
    switch (token.kind) {
      case 'end':
        return '<EOF>';
      case 'word':
      case 'symbol':
      case 'number':
      case 'date':
      case 'datetime':
        return token.text;
      case 'string':
        return `'${token.value}'`;
      case 'bind':
        return `:${token.expression}`;
    }
  }
}
