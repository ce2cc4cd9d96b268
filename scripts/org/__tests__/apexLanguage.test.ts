import { createHash } from 'node:crypto';
import type { OrgRuntime } from '../orgRuntime';
import { failure, loadOrg, run } from './support/platformOrg';

/**
 * The Apex language as the Apex Developer Guide documents it, run as anonymous Apex over the
 * platform fixture's classes (Geometry, Overloads, Counter, Temperature, Switches, Flow ...).
 */
let org: OrgRuntime;

beforeAll(() => {
  org = loadOrg();
});

afterAll(() => org.database.close());

const debug = (code: string): string[] => run(org, code);

describe('numbers', () => {
  test('Integer and Long division truncate toward zero (7/2 = 3, -7/2 = -3); Decimal and Double division do not', () => {
    expect(
      debug(`System.debug(7 / 2); System.debug(-7 / 2); System.debug(7L / 2);
      Decimal d = 7; System.debug(d / 2); Double x = 7; System.debug(x / 2);`)
    ).toEqual(['3', '-3', '3', '3.5', '3.5']);
  });

  test('String.valueOf(Decimal) keeps the scale written (1.50); sums keep the larger scale, products the sum of scales', () => {
    expect(
      debug(`Decimal p = 1.50; System.debug(String.valueOf(p)); System.debug(p + 1); System.debug(p * 2);
      System.debug(p.setScale(3)); System.debug(Decimal.valueOf('2.500')); System.debug(p.scale());
      Decimal whole = 10; System.debug(whole * 1.5);`)
    ).toEqual(['1.50', '2.50', '3.00', '1.500', '2.500', '2', '15.0']);
  });

  test('a query returned from, or passed to, a method declared with one SObject is its only row', () => {
    expect(
      debug(`insert new Widget__c(Name = 'single');
      Widget__c found = WidgetLookup.named('single'); System.debug(found.Name);
      System.debug(WidgetLookup.nameOf([SELECT Name FROM Widget__c WHERE Name = 'single']));
      try { WidgetLookup.named('nobody'); } catch (QueryException e) { System.debug(e.getMessage()); }`)
    ).toEqual(['single', 'single', 'List has no rows for assignment to SObject']);
  });

  test('a Decimal read from a Currency(16, 2) field by SOQL has the field scale', () => {
    expect(
      debug(`insert new Widget__c(Name = 'priced', Price__c = 5);
      System.debug([SELECT Price__c FROM Widget__c WHERE Name = 'priced'].Price__c);`)
    ).toEqual(['5.00']);
  });

  test('an Integer is 32 bits: 2147483647 + 1 stored in an Integer is -2147483648; a Long holds it', () => {
    expect(
      debug(
        `Integer big = 2147483647; big = big + 1; System.debug(big); Long wide = 2147483647L; wide = wide + 1; System.debug(wide);`
      )
    ).toEqual(['-2147483648', '2147483648']);
  });

  test('dividing by zero throws System.MathException', () => {
    expect(failure(org, `Integer zero = 0; Integer n = 1 / zero;`)).toMatchObject({
      type: 'System.MathException',
      message: 'Divide by 0'
    });
  });
});

describe('strings and names', () => {
  test("'a' == 'A' is true, but String.equals, Map keys and Set members are case-sensitive", () => {
    expect(
      debug(`System.debug('a' == 'A'); System.debug('a'.equals('A')); System.debug('a'.equalsIgnoreCase('A'));
      Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1 }; System.debug(m.containsKey('A'));
      Set<String> s = new Set<String>{ 'a' }; System.debug(s.contains('A'));`)
    ).toEqual(['true', 'false', 'true', 'false', 'false']);
  });

  test('identifiers are case-insensitive: a local named like a static field hides it', () => {
    expect(debug(`System.debug(Shadowing.read()); System.debug(Shadowing.readStatic());`)).toEqual([
      '1',
      '100'
    ]);
  });

  test('a local named like a system class hides it: `String json` makes JSON.deserialize a String method (a compile error in an org, loud here)', () => {
    expect(failure(org, `String json = '{}';\nObject o = JSON.deserializeUntyped(json);`)).toEqual({
      type: 'Unsupported',
      message: 'anonymous.apex:2: not supported by the local runtime: String.deserializeUntyped()',
      stackTrace: ''
    });
  });

  test("string + Date renders the date with a midnight time; + null renders 'null'; + is left-associative", () => {
    expect(
      debug(`System.debug('on ' + Date.newInstance(2024, 2, 29));
      System.debug('at ' + Datetime.newInstanceGmt(2024, 2, 29, 13, 5, 0)); String nothing; System.debug('n ' + nothing);
      System.debug('x' + 1 + 2); System.debug(1 + 2 + 'x');`)
    ).toEqual(['on 2024-02-29 00:00:00', 'at 2024-02-29 13:05:00', 'n null', 'x12', '3x']);
  });

  test('leftPad and rightPad pad with spaces or the given string', () => {
    expect(
      debug(
        `System.debug('7'.leftPad(3, '0')); System.debug('[' + 'ab'.rightPad(4) + ']'); System.debug('abcd'.leftPad(2));`
      )
    ).toEqual(['007', '[ab  ]', 'abcd']);
  });

  test('Crypto.generateDigest hashes a Blob of UTF-8 bytes; EncodingUtil.convertToHex writes it in lower case', () => {
    expect(
      debug(`System.debug(EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf('abc'))));
      System.debug(EncodingUtil.convertToHex(Crypto.generateDigest('MD5', Blob.valueOf('é'))));`)
    ).toEqual([
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      createHash('md5').update('é', 'utf8').digest('hex')
    ]);
    expect(failure(org, `Crypto.generateDigest('sha-256', Blob.valueOf('abc'));`)).toMatchObject({
      type: 'System.InvalidParameterValueException'
    });
  });

  test('switch on a String is case-sensitive (unlike ==)', () => {
    expect(
      debug(`System.debug(Switches.forString('red')); System.debug(Switches.forString('RED'));`)
    ).toEqual(['stop', 'go']);
  });
});

describe('classes', () => {
  test('overloads are chosen by the argument type: Integer, Decimal, String, Account before SObject, arity', () => {
    expect(
      debug(`System.debug(Overloads.kind(1)); System.debug(Overloads.kind(1.5)); System.debug(Overloads.kind('x'));
      System.debug(Overloads.kind(new Account())); System.debug(Overloads.kind(new Widget__c())); System.debug(Overloads.kind(1, 2));`)
    ).toEqual(['Integer', 'Decimal', 'String', 'Account', 'SObject', 'Integer, Integer']);
  });

  test('virtual and override dispatch on the run-time class; super calls the parent implementation; abstract methods and interfaces', () => {
    expect(
      debug(`Geometry.Shape s = new Geometry.ColoredSquare(2, 'red'); System.debug(s.describe()); System.debug(s.area());
      System.debug(s instanceof Geometry.Named); System.debug(new Geometry.Square(3).describe());`)
    ).toEqual(['red square of area 4 (colored)', '4', 'true', 'square of area 9']);
  });

  test('an abstract class cannot be instantiated', () => {
    expect(failure(org, `Object o = new Geometry.Shape();`).message).toContain(
      'abstract types cannot be instantiated'
    );
  });

  test('properties run their get and set bodies; a private setter still lets the class write', () => {
    expect(
      debug(`Temperature t = new Temperature(); t.fahrenheit = 212; System.debug(t.celsius); System.debug(t.reads);
      System.debug(t.fahrenheit); System.debug(t.reads);`)
    ).toEqual(['100', '1', '212', '2']);
  });

  test('a static initialiser runs once per transaction, and static variables start over in the next transaction', () => {
    expect(
      debug(
        `System.debug(Counter.next()); System.debug(Counter.next()); System.debug(Counter.initializations);`
      )
    ).toEqual(['1', '2', '1']);
    expect(debug(`System.debug(Counter.next()); System.debug(Counter.initializations);`)).toEqual(['1', '1']);
  });
});

describe('enums and switch', () => {
  test('switch on an enum matches constants (several per when) and falls to when else', () => {
    expect(
      debug(`System.debug(Switches.forSeason(Season.WINTER)); System.debug(Switches.forSeason(Season.AUTUMN));
      System.debug(Switches.forSeason(Season.SUMMER)); System.debug(Switches.forSeason(Season.SPRING));`)
    ).toEqual(['cold', 'cold', 'hot', 'mild']);
  });

  test('switch on an Integer matches literals, several literals, null and else', () => {
    expect(
      debug(`System.debug(Switches.forInteger(1)); System.debug(Switches.forInteger(3)); System.debug(Switches.forInteger(null));
      System.debug(Switches.forInteger(9));`)
    ).toEqual(['one', 'two or three', 'nothing', 'many']);
  });

  test('switch on an SObject binds a typed variable in `when Account a`', () => {
    expect(
      debug(`System.debug(Switches.forRecord(new Account(Name = 'Acme'))); System.debug(Switches.forRecord(new Widget__c(Name = 'W')));
      System.debug(Switches.forRecord(new Gadget__c()));`)
    ).toEqual(['account Acme', 'widget W', 'something else']);
  });

  test('every enum has values(), valueOf() (case-insensitive), name() and ordinal()', () => {
    expect(
      debug(`System.debug(Season.values()); System.debug(Season.valueOf('autumn')); System.debug(Season.SUMMER.ordinal());
      System.debug(Season.SUMMER.name()); System.debug(StatusCode.valueOf('delete_failed'));`)
    ).toEqual(['(WINTER, SPRING, SUMMER, AUTUMN)', 'AUTUMN', '2', 'SUMMER', 'DELETE_FAILED']);
  });

  test('Enum.valueOf of an unknown name throws System.NoSuchElementException', () => {
    expect(failure(org, `Season s = Season.valueOf('MONSOON');`).type).toBe('System.NoSuchElementException');
  });
});

describe('exceptions', () => {
  test('try, catch and finally run in order; finally runs after a return in try, which still returns its value', () => {
    expect(
      debug(`Flow.record(false); Flow.record(true); System.debug(Flow.steps); System.debug(Flow.finallyReturns());
      System.debug(Flow.steps.get(Flow.steps.size() - 1));`)
    ).toEqual([
      '(try, after throw, finally, try, catch failed on purpose, finally)',
      'from try',
      'finally ran'
    ]);
  });

  test('a custom exception has the four constructors, getMessage, getCause and getTypeName', () => {
    expect(
      debug(`WidgetException none = new WidgetException(); WidgetException message = new WidgetException('msg');
      WidgetException cause = new WidgetException(message); WidgetException both = new WidgetException('outer', message);
      System.debug(none.getMessage()); System.debug(message.getMessage()); System.debug(cause.getCause() === message);
      System.debug(both.getMessage()); System.debug(both.getCause().getMessage()); System.debug(both.getTypeName());
      System.debug(both instanceof Exception);`)
    ).toEqual(['null', 'msg', 'true', 'outer', 'msg', 'WidgetException', 'true']);
  });

  test("a stack trace names each frame 'Class.X.m: line N, column 1', innermost first", () => {
    expect(
      debug(`try { Flow.wrap(); } catch (WidgetException e) { System.debug(e.getCause().getTypeName());
      System.debug(e.getCause().getStackTraceString()); System.debug(e.getStackTraceString()); System.debug(e.getLineNumber()); }`)
    ).toEqual([
      'System.NullPointerException',
      'Class.Flow.inner: line 32, column 1\nClass.Flow.outer: line 28, column 1\nClass.Flow.wrap: line 37, column 1\nAnonymousBlock: line 1, column 1',
      'Class.Flow.wrap: line 39, column 1\nAnonymousBlock: line 1, column 1',
      '39'
    ]);
  });

  test('dereferencing null throws System.NullPointerException: Attempt to de-reference a null object', () => {
    expect(failure(org, `String s; Integer n = s.length();`)).toMatchObject({
      type: 'System.NullPointerException',
      message: 'Attempt to de-reference a null object'
    });
  });

  test('a bad list index throws System.ListException: List index out of bounds', () => {
    expect(
      debug(`List<Integer> l = new List<Integer>{ 1, 2 }; try { l[5] = 1; } catch (ListException e) { System.debug(e.getMessage()); }
      try { Integer x = l.get(-1); } catch (ListException e) { System.debug(e.getMessage()); }`)
    ).toEqual(['List index out of bounds: 5', 'List index out of bounds: -1']);
  });
});

describe('null handling', () => {
  test('safe navigation ?. answers null instead of throwing; ?? falls back only on null', () => {
    expect(
      debug(`Account a; System.debug(a?.Name); System.debug(new Account(Name = 'N')?.Name); String s;
      System.debug(s?.length()); System.debug(s ?? 'fallback'); System.debug('' ?? 'fallback');`)
    ).toEqual(['null', 'N', 'null', 'fallback', '']);
  });
});

describe('collections', () => {
  test('List add at an index, remove returns the element, sort orders strings by code point, contains and indexOf use equals', () => {
    expect(
      debug(`List<String> l = new List<String>{ 'b', 'a', 'C' }; l.sort(); System.debug(l); l.add(0, 'z'); System.debug(l);
      System.debug(l.remove(1)); System.debug(l.contains('a')); System.debug(l.contains('A')); System.debug(l.indexOf('b'));`)
    ).toEqual(['(C, a, b)', '(z, C, a, b)', 'C', 'true', 'false', '2']);
  });

  test('a Set keeps one of equal values; Map.putAll overwrites; keySet and values follow insertion order', () => {
    expect(
      debug(`Set<Integer> s = new Set<Integer>{ 3, 1, 3 }; System.debug(s.size());
      Map<String, Integer> m = new Map<String, Integer>{ 'a' => 1 }; m.putAll(new Map<String, Integer>{ 'b' => 2, 'a' => 3 });
      System.debug(m.keySet()); System.debug(m.values()); System.debug(m.get('a'));`)
    ).toEqual(['2', '{a, b}', '(3, 2)', '3']);
  });

  test('new Map<Id, SObject>(records) keys each record by its Id', () => {
    expect(
      debug(`insert new List<Widget__c>{ new Widget__c(Name = 'M1'), new Widget__c(Name = 'M2') };
      Map<Id, Widget__c> m = new Map<Id, Widget__c>([SELECT Id, Name FROM Widget__c ORDER BY Name]); System.debug(m.size());
      for (Id key : m.keySet()) System.debug(m.get(key).Name + ' ' + (m.get(key).Id == key));`)
    ).toEqual(['2', 'M1 true', 'M2 true']);
  });
});

describe('JSON', () => {
  test('an SObject round-trips through JSON.serialize and JSON.deserialize, with attributes.type', () => {
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'J', Quantity__c = 2, Ship_Date__c = Date.newInstance(2024, 1, 2));
      String text = JSON.serialize(w); System.debug(text); Widget__c back = (Widget__c) JSON.deserialize(text, Widget__c.class);
      System.debug(back.Quantity__c); System.debug(back.Ship_Date__c);`)
    ).toEqual([
      '{"attributes":{"type":"Widget__c"},"Name":"J","Quantity__c":2,"Ship_Date__c":"2024-01-02"}',
      '2',
      '2024-01-02'
    ]);
  });

  test('an Apex object round-trips with its fields; deserializeUntyped gives maps, lists and Integers', () => {
    expect(
      debug(`Geometry.Square s = (Geometry.Square) JSON.deserialize('{"side": 4}', Geometry.Square.class); System.debug(s.area());
      System.debug(JSON.serialize(new Geometry.ColoredSquare(2, 'red')));
      Map<String, Object> u = (Map<String, Object>) JSON.deserializeUntyped('{"a": [1, 2.5, "x", true, null], "b": {"c": 1}}');
      System.debug(u.get('a')); System.debug(u.get('a') instanceof List<Object>); System.debug(((Map<String, Object>) u.get('b')).get('c') instanceof Integer);`)
    ).toEqual(['16', '{"side":2,"color":"red"}', '(1, 2.5, x, true, null)', 'true', 'true']);
  });
});

describe('regular expressions', () => {
  test('Pattern and Matcher use Java regular expressions; matches() is a whole-input match', () => {
    expect(
      debug(`Matcher m = Pattern.compile('(\\\\w+)@(\\\\w+)\\\\.com').matcher('ann@example.com'); System.debug(m.matches());
      System.debug(m.group(1)); System.debug(m.groupCount()); System.debug(Pattern.matches('a+', 'aab'));`)
    ).toEqual(['true', 'ann', '2', 'false']);
  });

  test('String.split drops trailing empty strings as Java does; replaceAll takes $n group references', () => {
    expect(
      debug(`System.debug('a,b,,c,,'.split(',')); System.debug('a.b.c'.split('\\\\.')); System.debug('a1b22c'.replaceAll('[0-9]+', '#'));
      System.debug('Hello World'.replaceAll('(\\\\w+) (\\\\w+)', '$2 $1'));`)
    ).toEqual(['(a, b, , c)', '(a, b, c)', 'a#b#c', 'World Hello']);
  });
});

describe('dates', () => {
  test('addMonths clamps to the last day of the month; daysBetween and monthsBetween count calendar days and months', () => {
    expect(
      debug(`Date d = Date.newInstance(2024, 1, 31); System.debug(d.addMonths(1)); System.debug(Date.newInstance(2023, 1, 31).addMonths(1));
      System.debug(Date.newInstance(2024, 2, 29).addYears(1)); System.debug(d.daysBetween(Date.newInstance(2024, 3, 1)));
      System.debug(d.monthsBetween(Date.newInstance(2024, 3, 1))); System.debug(d + 1); System.debug(d.toStartOfMonth());`)
    ).toEqual(['2024-02-29', '2023-02-28', '2025-02-28', '30', '2', '2024-02-01', '2024-01-01']);
  });

  test('Datetime.addMonths keeps the time of day', () => {
    expect(debug(`System.debug(Datetime.newInstanceGmt(2024, 1, 31, 10, 0, 0).addMonths(1));`)).toEqual([
      '2024-02-29 10:00:00'
    ]);
  });
});
