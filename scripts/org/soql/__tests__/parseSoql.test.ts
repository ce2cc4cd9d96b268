import { PlatformError, UnsupportedError } from '../../platformError';
import { parseSoql } from '../parseSoql';
import type { Condition } from '../soqlAst';

function parseError(text: string): string {
  try {
    parseSoql(text);
  } catch (error) {
    if (error instanceof PlatformError) return `${error.exceptionType}: ${error.message}`;
    throw error;
  }
  throw new Error(`parsed: ${text}`);
}

describe('parseSoql: the statement', () => {
  it('reads keywords in any case and names as written', () => {
    const query = parseSoql(
      'select Id, account.Name from opportunity where amount > 5 order by CloseDate desc limit 10'
    );
    expect(query.from).toEqual({ name: 'opportunity' });
    expect(query.select).toEqual([
      { kind: 'expression', expression: { kind: 'field', path: ['Id'] }, alias: undefined },
      { kind: 'expression', expression: { kind: 'field', path: ['account', 'Name'] }, alias: undefined }
    ]);
    expect(query.orderBy).toEqual([
      { expression: { kind: 'field', path: ['CloseDate'] }, descending: true, nullsLast: false }
    ]);
    expect(query.limit).toEqual({ kind: 'number', value: 10 });
  });

  it('reads relationship paths of any depth, a FROM alias, and every clause in order', () => {
    const query = parseSoql(
      'SELECT o.Account.Owner.Manager.Name FROM Opportunity o WHERE o.IsWon = TRUE WITH USER_MODE ' +
        'ORDER BY o.Name NULLS LAST LIMIT :pageSize OFFSET :skip FOR UPDATE'
    );
    expect(query.select[0]).toMatchObject({
      expression: { path: ['o', 'Account', 'Owner', 'Manager', 'Name'] }
    });
    expect(query.from).toEqual({ name: 'Opportunity', alias: 'o' });
    expect(query.security).toBe('USER_MODE');
    expect(query.orderBy[0]).toMatchObject({ descending: false, nullsLast: true });
    expect(query.limit).toEqual({ kind: 'bind', expression: 'pageSize' });
    expect(query.offset).toEqual({ kind: 'bind', expression: 'skip' });
    expect(query.lock).toBe('UPDATE');
    expect(query.binds).toEqual(['pageSize', 'skip']);
  });

  it('reads aggregates with and without aliases, COUNT(), date functions and GROUP BY / HAVING', () => {
    const query = parseSoql(
      'SELECT StageName, COUNT(Id), SUM(Amount) total, COUNT() , CALENDAR_YEAR(CloseDate) yr, ' +
        'DAY_ONLY(convertTimezone(CreatedDate)) FROM Opportunity GROUP BY StageName, CALENDAR_YEAR(CloseDate) ' +
        'HAVING COUNT(Id) > 1'
    );
    expect(
      query.select.map((item) => (item.kind === 'expression' ? [item.expression.kind, item.alias] : []))
    ).toEqual([
      ['field', undefined],
      ['aggregate', undefined],
      ['aggregate', 'total'],
      ['aggregate', undefined],
      ['date', 'yr'],
      ['date', undefined]
    ]);
    expect(query.select[3]).toMatchObject({ expression: { fn: 'COUNT', arg: null } });
    expect(query.groupBy).toEqual([
      { kind: 'field', path: ['StageName'] },
      { kind: 'date', fn: 'CALENDAR_YEAR', arg: { kind: 'field', path: ['CloseDate'] } }
    ]);
    expect(query.having).toMatchObject({
      kind: 'comparison',
      left: { kind: 'aggregate', fn: 'COUNT' },
      operator: '>'
    });
  });

  it('reads parent-to-child subqueries with their own clauses', () => {
    const query = parseSoql(
      'SELECT Id, (SELECT Name FROM Contacts WHERE Email != null ORDER BY Name LIMIT 5), toLabel(Industry) FROM Account'
    );
    expect(query.select[1]).toMatchObject({
      kind: 'subquery',
      query: {
        from: { name: 'Contacts' },
        limit: { kind: 'number', value: 5 },
        orderBy: [{ expression: { path: ['Name'] } }]
      }
    });
    expect(query.select[2]).toEqual({
      kind: 'toLabel',
      field: { kind: 'field', path: ['Industry'] },
      alias: undefined
    });
  });

  it('reads ALL ROWS, FOR VIEW and FOR REFERENCE', () => {
    expect(parseSoql('SELECT Id FROM Account ALL ROWS').allRows).toBe(true);
    expect(parseSoql('SELECT Id FROM Account LIMIT 1 FOR VIEW').lock).toBe('VIEW');
    expect(parseSoql('SELECT Id FROM Account FOR REFERENCE').lock).toBe('REFERENCE');
  });
});

describe('parseSoql: WHERE', () => {
  function where(text: string): Condition | undefined {
    return parseSoql(`SELECT Id FROM Account WHERE ${text}`).where;
  }

  it('reads AND, OR, NOT and parentheses', () => {
    expect(where("NOT Name = 'a' AND (Type = 'b' OR Type = 'c')")).toEqual({
      kind: 'and',
      operands: [
        {
          kind: 'not',
          operand: {
            kind: 'comparison',
            left: { kind: 'field', path: ['Name'] },
            operator: '=',
            value: expect.objectContaining({ value: 'a' })
          }
        },
        {
          kind: 'or',
          operands: [
            expect.objectContaining({ kind: 'comparison' }),
            expect.objectContaining({ kind: 'comparison' })
          ]
        }
      ]
    });
  });

  it('refuses AND and OR mixed without parentheses, as SOQL does', () => {
    expect(parseError("SELECT Id FROM Account WHERE Name = 'a' AND Type = 'b' OR Type = 'c'")).toBe(
      "System.QueryException: unexpected token: 'OR'"
    );
  });

  it('reads every operator, <> as !=', () => {
    const operators = ['=', '!=', '<>', '<', '<=', '>', '>=', 'LIKE'].map((op) => {
      const condition = where(`Name ${op} 'x'`);
      return condition?.kind === 'comparison' ? condition.operator : null;
    });
    expect(operators).toEqual(['=', '!=', '!=', '<', '<=', '>', '>=', 'LIKE']);
    expect(where("Type IN ('a', 'b')")).toMatchObject({
      kind: 'in',
      negated: false,
      values: { kind: 'list' }
    });
    expect(where('Type NOT IN :types')).toEqual({
      kind: 'in',
      left: { kind: 'field', path: ['Type'] },
      negated: true,
      values: { kind: 'bind', expression: 'types' }
    });
    expect(where("Tags__c INCLUDES ('a;b', 'c')")).toMatchObject({ kind: 'includes', excludes: false });
    expect(where("Tags__c EXCLUDES ('a')")).toMatchObject({ kind: 'includes', excludes: true });
  });

  it('reads every kind of value', () => {
    const value = (text: string): unknown => {
      const condition = where(`F = ${text}`);
      return condition?.kind === 'comparison' ? condition.value : null;
    };
    expect(value('42')).toEqual({ kind: 'number', value: 42, text: '42' });
    expect(value('-1.5')).toEqual({ kind: 'number', value: -1.5, text: '-1.5' });
    expect(value('true')).toEqual({ kind: 'boolean', value: true });
    expect(value('NULL')).toEqual({ kind: 'null' });
    expect(value('2024-02-29')).toEqual({ kind: 'date', text: '2024-02-29' });
    expect(value('2024-02-29T10:00:00+01:00')).toEqual({
      kind: 'datetime',
      text: '2024-02-29T10:00:00+01:00'
    });
    expect(value('2024-02-29T10:00:00.123Z')).toEqual({ kind: 'datetime', text: '2024-02-29T10:00:00.123Z' });
    expect(value('today')).toEqual({ kind: 'dateLiteral', name: 'TODAY' });
    expect(value('LAST_N_DAYS:30')).toEqual({ kind: 'dateLiteral', name: 'LAST_N_DAYS', n: 30 });
    expect(value('N_FISCAL_QUARTERS_AGO:2')).toEqual({
      kind: 'dateLiteral',
      name: 'N_FISCAL_QUARTERS_AGO',
      n: 2
    });
    expect(value('THIS_FISCAL_YEAR')).toEqual({ kind: 'dateLiteral', name: 'THIS_FISCAL_YEAR' });
  });

  it('reads string escapes, keeping LIKE escapes for LIKE', () => {
    const literal = (text: string): unknown => {
      const condition = where(`Name LIKE ${text}`);
      return condition?.kind === 'comparison' ? condition.value : null;
    };
    expect(literal("'O\\'Brien\\n'")).toEqual({
      kind: 'string',
      value: "O'Brien\n",
      likePattern: "O'Brien\n"
    });
    expect(literal("'50\\%'")).toEqual({ kind: 'string', value: '50\\%', likePattern: '50\\%' });
    expect(literal("'a\\\\b'")).toEqual({ kind: 'string', value: 'a\\b', likePattern: 'a\\\\b' });
    expect(parseError("SELECT Id FROM Account WHERE Name = 'a\\q'")).toContain('Illegal character sequence');
  });

  it('reads bind expressions as Apex wrote them', () => {
    const query = parseSoql(
      'SELECT Id FROM Opportunity WHERE Id = :call.Id AND Id IN :won.keySet() AND AccountId = :rows[0].AccountId ' +
        "AND Name = :labels.get('a b') AND StageName = : stage AND Id NOT IN (SELECT Opportunity__c FROM Deal__c WHERE Key__c = :key)"
    );
    expect(query.binds).toEqual([
      'call.Id',
      'won.keySet()',
      'rows[0].AccountId',
      "labels.get('a b')",
      'stage',
      'key'
    ]);
  });

  it('reads semi-join and anti-join subqueries', () => {
    expect(where('Id IN (SELECT AccountId FROM Opportunity WHERE IsWon = true)')).toMatchObject({
      kind: 'in',
      negated: false,
      values: { kind: 'subquery', query: { from: { name: 'Opportunity' } } }
    });
  });

  it('reads date functions and aggregates on the left', () => {
    expect(where('CALENDAR_YEAR(CreatedDate) = 2024')).toMatchObject({
      left: { kind: 'date', fn: 'CALENDAR_YEAR' }
    });
  });
});

describe('parseSoql: errors', () => {
  it('names the unexpected token as the platform does', () => {
    expect(parseError('SELECT Id FORM Account')).toBe("System.QueryException: unexpected token: 'FORM'");
    expect(parseError('SELECT Id FROM')).toBe("System.QueryException: unexpected token: '<EOF>'");
    expect(parseError('SELECT Id FROM Account WHERE')).toBe(
      "System.QueryException: unexpected token: '<EOF>'"
    );
    expect(parseError('SELECT Id FROM Account LIMIT 5 extra')).toBe(
      "System.QueryException: unexpected token: 'extra'"
    );
    expect(parseError('SELECT Id FROM Account WHERE Name = Other')).toBe(
      "System.QueryException: unexpected token: 'Other'"
    );
    expect(parseError("SELECT Id FROM Account WHERE Name 'x'")).toBe(
      "System.QueryException: unexpected token: ''x''"
    );
    expect(parseError('SELECT FROM Account')).toBe("System.QueryException: unexpected token: 'FROM'");
    expect(parseError('SELECT Id FROM Account WITH SOMETHING')).toBe(
      "System.QueryException: unexpected token: 'SOMETHING'"
    );
    expect(parseError('SELECT Id FROM Account LIMIT -1')).toBe(
      "System.QueryException: unexpected token: '-1'"
    );
  });

  it('stops loudly at what the runtime does not implement', () => {
    for (const text of [
      'SELECT FIELDS(ALL) FROM Account LIMIT 200',
      'SELECT TYPEOF What WHEN Account THEN Name END FROM Event',
      'SELECT Id FROM Account USING SCOPE mine',
      'SELECT Id FROM Article WITH DATA CATEGORY Geography__c AT usa__c',
      'SELECT Type, COUNT(Id) FROM Account GROUP BY ROLLUP(Type)',
      'SELECT FORMAT(Amount) FROM Opportunity',
      'SELECT Id FROM Opportunity WHERE Amount > USD5000',
      'SELECT Id FROM Account UPDATE TRACKING'
    ])
      expect(() => parseSoql(text)).toThrow(UnsupportedError);
  });
});
