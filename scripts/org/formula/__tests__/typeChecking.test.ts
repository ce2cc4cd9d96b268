import { FormulaError } from '..';
import { compile } from './formulaFixtures';

function refusal(
  text: string,
  returnType?: Parameters<typeof compile>[1],
  options?: Parameters<typeof compile>[2]
): string {
  try {
    compile(text, returnType, options);
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaError);
    return (error as Error).message;
  }
  throw new Error(`${text} compiled`);
}

describe('what a formula returns', () => {
  it.each([
    ['Total__c > 0', 'checkbox'],
    ['Total__c * 2', 'number'],
    ['Due_On__c + 30', 'date'],
    ['Paid_On__c - Due_On__c', 'number'],
    ['Sent_At__c - 1', 'datetime'],
    ['NOW() - Sent_At__c', 'number'],
    ['Cutoff__c + 60000', 'time'],
    ['Name & " " & TEXT(Stage__c)', 'text'],
    ['IF(Is_Disputed__c, NULL, Due_On__c)', 'date'],
    ['CASE(Stage__c, "Paid", 0, "Sent", 1, 2)', 'number'],
    ['PRIORVALUE(Stage__c) = PRIORVALUE(Stage__c)', null]
  ])('%s returns %s', (text, type) => {
    if (type === null)
      expect(() => compile(text)).toThrow('PRIORVALUE(Stage__c) is a Picklist value: = cannot use it');
    else expect(compile(text).returnType).toBe(type);
  });

  it('a validation rule must be Boolean', () => {
    expect(refusal('Total__c * 2', 'checkbox')).toBe(
      'a validation rule must return Checkbox (Boolean) (TRUE when the record is invalid); this one returns Number'
    );
  });

  it('a formula field must return its field type', () => {
    expect(refusal('Total__c', 'text', { context: 'formulaField' })).toBe(
      'the formula must return Text; this one returns Number'
    );
    expect(compile('TEXT(Total__c)', 'text', { context: 'formulaField' }).returnType).toBe('text');
  });

  it('a formula cannot return a picklist', () => {
    expect(refusal('Stage__c')).toBe('a formula cannot return a Picklist value; wrap it in TEXT()');
    expect(refusal('PRIORVALUE(Stage__c)')).toBe(
      'a formula cannot return a Picklist value; wrap it in TEXT()'
    );
  });
});

describe('names that do not resolve', () => {
  it('an unknown field is named', () => {
    expect(refusal('Totl__c > 0')).toBe('unknown field Totl__c');
    expect(refusal('Account__r.Nme = "x"')).toBe('unknown field Account__r.Nme');
  });

  it('an unknown function is told apart from a Salesforce function the library does not support', () => {
    expect(refusal('TOTAL(1) > 0')).toBe('unknown function TOTAL()');
    expect(refusal('ISCLONE()')).toBe(
      'ISCLONE() is a Salesforce function that the local formula library (scripts/org/formula) does not support'
    );
  });
});

describe('argument types and counts', () => {
  it.each([
    ['AND(Total__c, TRUE)', 'AND() argument 1 must be Checkbox (Boolean); Total__c is Number'],
    ['IF(Total__c > 0, 1)', 'IF() takes 3 arguments, got 2'],
    ['IF(Total__c > 0, 1, "one")', 'IF(): 1 is Number but "one" is Text; both must have the same type'],
    ['Total__c + "1"', 'operator + cannot combine Number (Total__c) and Text ("1")'],
    ['Due_On__c + Paid_On__c', 'operator + cannot combine Date (Due_On__c) and Date (Paid_On__c)'],
    ['Due_On__c < Sent_At__c', 'operator < cannot combine Date (Due_On__c) and Date/Time (Sent_At__c)'],
    ['TEXT(Is_Disputed__c)', 'TEXT() argument 1 must be Number or Date or Date/Time or Time or Picklist'],
    ['LEFT(Name)', 'LEFT() takes 2 arguments, got 1'],
    ['ISPICKVAL(Name, "x")', 'ISPICKVAL() argument 1 must be Picklist; Name is Text'],
    ['CASE(Total__c, 1, "one", "two", "three")', 'CASE() needs an else result'],
    ['CASE(Total__c, "1", "one", "other")', 'CASE(): "1" is Text but Total__c is Number'],
    ['REGEX(Name, "[A-Z")', 'REGEX(): invalid pattern "[A-Z"']
  ])('%s: %s', (text, message) => {
    expect(refusal(text)).toContain(message);
  });
});

describe('picklists are only supported in ISPICKVAL, CASE, TEXT, ISCHANGED and PRIORVALUE', () => {
  it.each([
    'Stage__c = "Paid"',
    'ISBLANK(Stage__c)',
    'LEN(Stage__c) > 0',
    'IF(TRUE, Stage__c, Stage__c) = "x"'
  ])('%s is refused with the way out', (text) => {
    expect(refusal(text)).toMatch(/^Stage__c is a Picklist field: .* try TEXT\(Stage__c\)$/);
  });

  it('a multi-select picklist is read with INCLUDES', () => {
    expect(refusal('Channels__c = "Email"')).toContain('try INCLUDES(field, "value")');
    expect(compile('AND(INCLUDES(Channels__c, "Email"), NOT(ISBLANK(Channels__c)))').returnType).toBe(
      'checkbox'
    );
  });
});

describe('record-change functions exist only in validation rules', () => {
  it.each(['ISNEW()', 'ISCHANGED(Total__c)', 'PRIORVALUE(Total__c) > 0'])(
    '%s is refused in a formula field',
    (text) => {
      expect(refusal(text, undefined, { context: 'formulaField' })).toMatch(
        /is only available in validation rules, not in a formula field$/
      );
    }
  );

  it('ISCHANGED and PRIORVALUE take a field of the record itself', () => {
    expect(refusal('ISCHANGED(Account__r.Name)')).toBe(
      'ISCHANGED() takes a field of the record itself; Account__r.Name is not one'
    );
    expect(refusal('PRIORVALUE(Total__c + 1) > 0')).toBe(
      'PRIORVALUE() takes a field of the record itself; Total__c + 1 is not one'
    );
  });
});
