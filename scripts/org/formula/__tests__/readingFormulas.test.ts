import { FormulaError } from '..';
import { compile, evaluate } from './formulaFixtures';

describe('reading a formula', () => {
  it('takes text literals in double or single quotes, with backslash escapes', () => {
    expect(evaluate(`"say \\"hi\\"" & 'it\\'s' & "a\\\\b"`)).toBe('say "hi"it\'sa\\b');
    expect(evaluate('"line" & "\\n" & "break"')).toBe('line\nbreak');
  });

  it('skips /* comments */, but not inside a text literal', () => {
    expect(evaluate('/* why */ Total__c /* the total */ > 1', { Total__c: 2 })).toBe(true);
    expect(evaluate('"/* kept */"')).toBe('/* kept */');
  });

  it('reads function names in any case and the operator spellings Salesforce allows', () => {
    expect(evaluate('and(true, Not(false))')).toBe(true);
    expect(evaluate('Total__c == 1 && Total__c != 2 || FALSE', { Total__c: 1 })).toBe(true);
    expect(evaluate('!(Total__c <> 1)', { Total__c: 1 })).toBe(true);
  });

  it('lists each field it reads once, as written, cross-object and global references included', () => {
    const formula = compile('AND(Account__r.Name = $User.Id, Total__c > 0, Total__c < 10)');
    expect(formula.references).toEqual(['Account__r.Name', '$User.Id', 'Total__c']);
  });

  it.each([
    ['Due_On__c < = Paid_On__c', 'syntax error: "< =" is not an operator; write "<="'],
    ['Total__c > = 0', 'syntax error: "> =" is not an operator; write ">="'],
    ['IF(Total__c > 0, 1, 2', 'syntax error: 1 "(" but 0 ")"'],
    ['-Total__c > 1', 'a minus sign before a field or function is not supported by the parser; write 0 - x'],
    ['Total__c >', 'syntax error'],
    ['', 'the formula is empty'],
    ['/* only a comment */', 'the formula is empty'],
    ['"never closed', 'a text literal opened with " is never closed'],
    ['Total__c > 1 /* open', 'a comment /* is never closed with */'],
    ['"\\d"', 'invalid escape \\d in a text literal (write \\\\ for a backslash)']
  ])('refuses %j: %s', (text, message) => {
    expect(() => compile(text)).toThrow(FormulaError);
    expect(() => compile(text)).toThrow(message);
  });
});
