import { join } from 'node:path';
import { ApexSyntaxError } from '../parse/parseApex';
import { ValidationRuleError } from '../dml/validationRules';
import type { TestOutcome } from '../testing/testRunner';
import { runApexTestSuite, type SuiteResult } from '../testing/testSuite';
import { FIXTURES, loadOrg, PLATFORM_FIXTURE, PROJECT_ROOT } from './support/platformOrg';

/**
 * Issue 12's planted defects: code an org would reject must be rejected here too, with the
 * platform's exception and the Apex stack, and what the runtime cannot run must stop loudly at
 * file:line. The test classes run through the Apex test runner (fixtures/planted), the load
 * failures through OrgRuntime.load.
 */
let suite: SuiteResult;

beforeAll(() => {
  suite = runApexTestSuite({ root: PROJECT_ROOT, sourceDirs: [PLATFORM_FIXTURE, join(FIXTURES, 'planted')] });
});

function outcome(className: string, methodName: string): TestOutcome {
  const found = suite.outcomes.find((o) => o.className === className && o.methodName === methodName);
  if (!found) throw new Error(`no outcome for ${className}.${methodName}`);
  return found;
}

const PLANTED = 'PlantedDefectsTest';
const PLANTED_FILE = 'scripts/org/__tests__/fixtures/planted/classes/PlantedDefectsTest.cls';

describe('planted defects fail their test methods', () => {
  test('a failing System.assertEquals: System.AssertException with both values, at its line', () => {
    expect(outcome(PLANTED, 'failingAssert')).toMatchObject({
      passed: false,
      message: 'System.AssertException: Assertion Failed: one and two: Expected: 2, Actual: 3',
      stackTrace: 'Class.PlantedDefectsTest.failingAssert: line 14, column 1'
    });
  });

  test('a null dereference: System.NullPointerException at its line', () => {
    expect(outcome(PLANTED, 'nullDereference')).toMatchObject({
      passed: false,
      message: 'System.NullPointerException: Attempt to de-reference a null object',
      stackTrace: 'Class.PlantedDefectsTest.nullDereference: line 20, column 1'
    });
  });

  test('SOQL inside a loop over 101 records: System.LimitException at the query, after 100 queries', () => {
    const soql = outcome(PLANTED, 'soqlInsideALoop');
    expect(soql).toMatchObject({
      passed: false,
      message: 'System.LimitException: Too many SOQL queries: 101',
      stackTrace: 'Class.PlantedDefectsTest.soqlInsideALoop: line 31, column 1'
    });
    expect(soql.limits.queries).toBe(101);
  });

  test('a record that breaks a validation rule: System.DmlException with the rule’s message and field', () => {
    expect(outcome(PLANTED, 'breaksAValidationRule')).toMatchObject({
      passed: false,
      message:
        'System.DmlException: Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Quantity cannot be negative.: [Quantity__c]',
      stackTrace: 'Class.PlantedDefectsTest.breaksAValidationRule: line 37, column 1'
    });
  });

  test('a USER_MODE read of a field the user’s permission set does not grant: System.QueryException', () => {
    expect(outcome(PLANTED, 'readsAFieldTheUserMayNotRead')).toMatchObject({
      passed: false,
      message: 'System.QueryException: Insufficient permissions: secure query included inaccessible field',
      stackTrace: 'Class.PlantedDefectsTest.readsAFieldTheUserMayNotRead: line 61, column 1'
    });
  });

  test('a construct the runtime does not support (merge) fails the method loudly at file:line', () => {
    expect(outcome(PLANTED, 'usesAConstructTheRuntimeDoesNotSupport')).toMatchObject({
      passed: false,
      message: `${PLANTED_FILE}:70: not supported by the local runtime: merge`
    });
  });

  test('only the sound methods pass', () => {
    expect(suite.outcomes.filter((o) => o.passed).map((o) => `${o.className}.${o.methodName}`)).toEqual([
      'PlantedDefectsTest.passes',
      'WidgetRunnerTest.deletesTheSetupWidget',
      'WidgetRunnerTest.stillSeesTheSetupWidget',
      'WidgetRunnerTest.runsQueuedWorkAtStopTest'
    ]);
  });
});

describe('the test runner', () => {
  test('@TestSetup data is there for each method, each method is rolled back, statics start over, stopTest runs queued work', () => {
    for (const method of ['deletesTheSetupWidget', 'stillSeesTheSetupWidget', 'runsQueuedWorkAtStopTest'])
      expect(outcome('WidgetRunnerTest', method)).toMatchObject({ passed: true, message: null });
  });

  test('counts line coverage of the classes and triggers the tests ran, not of the test classes', () => {
    const coverage = new Map(suite.coverage.map((file) => [file.file.split('/').pop(), file]));
    expect(coverage.has('PlantedDefectsTest.cls')).toBe(false);
    expect(coverage.get('WidgetQueueable.cls')).toMatchObject({ executable: [6, 10], covered: [6, 10] });
    expect(coverage.get('WidgetTrigger.trigger')?.covered).toEqual([9]);
    expect(coverage.get('Geometry.cls')?.covered).toEqual([]);
  });
});

describe('planted defects fail the load', () => {
  test('a validation rule whose formula does not parse names its file and line', () => {
    const load = (): unknown => loadOrg(join(FIXTURES, 'broken-formula'));
    expect(load).toThrow(ValidationRuleError);
    expect(load).toThrow(
      /broken-formula\/objects\/Sprocket__c\/validationRules\/Teeth_Positive\.validationRule-meta\.xml:6: validation rule Teeth_Positive: syntax error/
    );
  });

  test('SOSL stops the load at file:line', () => {
    const load = (): unknown => loadOrg(join(FIXTURES, 'unsupported-sosl'));
    expect(load).toThrow(ApexSyntaxError);
    expect(load).toThrow(
      'scripts/org/__tests__/fixtures/unsupported-sosl/classes/WidgetSearch.cls:4: not supported by the local runtime: SOSL'
    );
  });

  test('a webservice method stops the load at file:line', () => {
    expect(() => loadOrg(join(FIXTURES, 'unsupported-webservice'))).toThrow(
      'scripts/org/__tests__/fixtures/unsupported-webservice/classes/WidgetService.cls:3: not supported by the local runtime: webservice methods'
    );
  });
});
