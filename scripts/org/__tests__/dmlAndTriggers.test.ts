import type { OrgRuntime } from '../orgRuntime';
import { loadOrg, run } from './support/platformOrg';

/**
 * DML in the order of save (Apex Developer Guide, "Triggers and Order of Execution"): triggers,
 * the platform's own checks, validation rules, unique fields, partial success, the
 * DmlException's wording, cascade delete, upsert by external id, and async work at stopTest.
 */
let org: OrgRuntime;

beforeAll(() => {
  org = loadOrg();
});

afterAll(() => org.database.close());

const debug = (code: string): string[] => run(org, code);

/** The DmlException a snippet ends in: its message, then getDmlType(0), getDmlMessage(0), getDmlFieldNames(0). */
function dmlFailure(statement: string): string[] {
  return debug(`try { ${statement} } catch (DmlException e) { System.debug(e.getMessage()); System.debug(e.getDmlType(0));
    System.debug(e.getDmlMessage(0)); System.debug(e.getDmlFieldNames(0)); }`);
}

describe('triggers', () => {
  test('before and after triggers see Trigger.new, old, newMap, oldMap and operationType for each event', () => {
    expect(
      debug(`List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'a', Quantity__c = 1), new Widget__c(Name = 'b') };
      insert ws; ws[0].Quantity__c = 2; update ws; delete ws[1]; for (String line : WidgetTriggerHandler.log) System.debug(line);`)
    ).toEqual([
      'BEFORE_INSERT new=2 old=null newMap=null oldMap=null',
      'AFTER_INSERT new=2 old=null newMap=2 oldMap=null',
      'BEFORE_UPDATE new=2 old=2 newMap=2 oldMap=2',
      'quantity 1 -> 2',
      'AFTER_UPDATE new=2 old=2 newMap=2 oldMap=2',
      'BEFORE_DELETE new=null old=1 newMap=null oldMap=1',
      'AFTER_DELETE new=null old=1 newMap=null oldMap=1'
    ]);
  });

  test('a trigger sees at most 200 records at a time: 250 inserted records come in chunks of 200 and 50', () => {
    const lines =
      debug(`List<Widget__c> ws = new List<Widget__c>(); for (Integer i = 0; i < 250; i++) ws.add(new Widget__c(Name = 'bulk ' + i));
      insert ws; for (String line : WidgetTriggerHandler.log) System.debug(line);`);
    expect(
      lines.filter((line) => line.startsWith('BEFORE_INSERT')).map((line) => line.split(' ')[1])
    ).toEqual(['new=200', 'new=50']);
    expect(lines.filter((line) => line.startsWith('AFTER_INSERT')).map((line) => line.split(' ')[1])).toEqual(
      ['new=200', 'new=50']
    );
  });

  test('a field set in a before trigger is saved; the caller’s record receives only the new Id', () => {
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'dated'); insert w; System.debug(w.Id != null); System.debug(w.Ship_Date__c);
      System.debug([SELECT Ship_Date__c FROM Widget__c WHERE Id = :w.Id].Ship_Date__c);`)
    ).toEqual(['true', 'null', '2030-01-31']);
  });

  test('addError on the record fails it with FIELD_CUSTOM_VALIDATION_EXCEPTION and no field', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'refuse record');`)).toEqual([
      'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Refused by the trigger.: []',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Refused by the trigger.',
      '()'
    ]);
  });

  test('addError on a field names that field', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'refuse quantity');`)).toEqual([
      'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Quantity refused by the trigger.: [Quantity__c]',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Quantity refused by the trigger.',
      '(Quantity__c)'
    ]);
  });

  test('an unhandled exception in a trigger fails the DML with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY and the stack down to the trigger', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'throw');`).slice(0, 2)).toEqual([
      'Insert failed. First exception on row 0; first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, WidgetTrigger: execution of BeforeInsert\n\n' +
        'caused by: System.NullPointerException: Attempt to de-reference a null object\n\n' +
        'Class.WidgetTriggerHandler.before: line 58, column 1\nClass.WidgetTriggerHandler.handle: line 24, column 1\n' +
        'Trigger.WidgetTrigger: line 9, column 1: []',
      'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY'
    ]);
  });
});

describe("the platform's checks", () => {
  test('a required field left blank is REQUIRED_FIELD_MISSING (the master-detail field of a detail record)', () => {
    expect(dmlFailure(`insert new Gadget__c(Weight__c = 1);`)).toEqual([
      'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Widget__c]: [Widget__c]',
      'REQUIRED_FIELD_MISSING',
      'Required fields are missing: [Widget__c]',
      '(Widget__c)'
    ]);
  });

  test("a custom object's text Name left blank by Apex is the record's 15-character Id, not an error", () => {
    expect(
      debug(`Widget__c w = new Widget__c(); insert w; String name = [SELECT Name FROM Widget__c WHERE Id = :w.Id].Name;
      System.debug(name.length()); System.debug(name == String.valueOf(w.Id).left(15));`)
    ).toEqual(['15', 'true']);
  });

  test('text longer than the field is STRING_TOO_LONG with the label and the maximum', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'x', Notes__c = '123456789012345678901');`)[0]).toBe(
      'Insert failed. First exception on row 0; first error: STRING_TOO_LONG, Notes: data value too large: 123456789012345678901 (max length=20): [Notes__c]'
    );
  });

  test('a restricted picklist refuses a value it does not list; a blank one takes the default value', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'x', Status__c = 'Broken');`)[0]).toBe(
      'Insert failed. First exception on row 0; first error: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, Status: bad value for restricted picklist field: Broken: [Status__c]'
    );
    expect(
      debug(
        `Widget__c w = new Widget__c(Name = 'd'); insert w; System.debug([SELECT Status__c FROM Widget__c WHERE Id = :w.Id].Status__c);`
      )
    ).toEqual(['Draft']);
  });

  test('lengths, restricted picklists and foreign keys are checked before the before triggers: a failing record never reaches them', () => {
    expect(
      debug(`List<Database.SaveResult> results = Database.insert(new List<Widget__c>{ new Widget__c(Name = 'bad status', Status__c = 'Broken'),
        new Widget__c(Name = 'too long', Notes__c = '123456789012345678901'), new Widget__c(Name = 'bad lookup', Account__c = UserInfo.getUserId()),
        new Widget__c(Name = 'fine') }, false);
        for (Database.SaveResult r : results) System.debug(r.isSuccess() ? 'saved' : String.valueOf(r.getErrors()[0].getStatusCode()));
        System.debug(WidgetTriggerHandler.log[0]);`)
    ).toEqual([
      'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      'STRING_TOO_LONG',
      'FIELD_INTEGRITY_EXCEPTION',
      'saved',
      'BEFORE_INSERT new=1 old=null newMap=null oldMap=null'
    ]);
  });

  test('a unique case-insensitive field refuses the same value in another case: DUPLICATE_VALUE naming the 15-character Id', () => {
    const lines =
      debug(`Widget__c first = new Widget__c(Name = 'x', Code__c = 'ab-1'); insert first; System.debug(String.valueOf(first.Id).left(15));
      try { insert new Widget__c(Name = 'y', Code__c = 'AB-1'); } catch (DmlException e) { System.debug(e.getMessage()); System.debug(e.getDmlType(0)); }`);
    expect(lines[1]).toBe(
      `Insert failed. First exception on row 0; first error: DUPLICATE_VALUE, duplicate value found: Code__c duplicates value on record with id: ${lines[0]}: [Code__c]`
    );
    expect(lines[2]).toBe('DUPLICATE_VALUE');
  });

  test('two records of one statement with the same unique value: the second fails', () => {
    expect(
      debug(`List<Database.SaveResult> results = Database.insert(new List<Widget__c>{ new Widget__c(Name = 'p', Code__c = 'Q'),
      new Widget__c(Name = 'q', Code__c = 'q') }, false); System.debug(results[0].isSuccess()); System.debug(results[1].getErrors()[0].getStatusCode());`)
    ).toEqual(['true', 'DUPLICATE_VALUE']);
  });
});

describe('validation rules', () => {
  test('a rule with an error field fails the record with its message on that field', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'x', Quantity__c = -1);`)).toEqual([
      'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Quantity cannot be negative.: [Quantity__c]',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Quantity cannot be negative.',
      '(Quantity__c)'
    ]);
  });

  test('a rule shown at the top of the page names no field', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'x', Status__c = 'Retired');`)).toEqual([
      'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, A retired widget needs notes.: []',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'A retired widget needs notes.',
      '()'
    ]);
  });

  test('rules run after before triggers, on the values the triggers left', () => {
    // The trigger turns a negative quantity of 'fix quantity' into 0 before the rule sees it.
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'fix quantity', Quantity__c = -3); insert w;
      System.debug([SELECT Quantity__c FROM Widget__c WHERE Id = :w.Id].Quantity__c);`)
    ).toEqual(['0']);
  });

  test('ISNEW, ISCHANGED, PRIORVALUE and $Permission read the save: a set code changes only for a holder of the custom permission', () => {
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'c', Code__c = 'C-1'); insert w; w.Code__c = 'c-1'; update w; System.debug('case only: saved');
        w.Code__c = 'C-2'; try { update w; } catch (DmlException e) { System.debug(e.getMessage().replace(w.Id, 'ID')); }`)
    ).toEqual([
      'case only: saved',
      "Update failed. First exception on row 0 with id ID; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Only an approver changes a widget's code.: [Code__c]"
    ]);
  });

  test('an inactive rule never runs', () => {
    expect(debug(`insert new Widget__c(Name = 'inactive rule'); System.debug('saved');`)).toEqual(['saved']);
  });

  test('a failed update leaves the stored record as it was', () => {
    expect(
      debug(`Widget__c w = new Widget__c(Name = 'u', Quantity__c = 1); insert w; w.Quantity__c = -5;
      Database.SaveResult r = Database.update(w, false); System.debug(r.getErrors()[0].getMessage());
      System.debug([SELECT Quantity__c FROM Widget__c WHERE Id = :w.Id].Quantity__c);`)
    ).toEqual(['Quantity cannot be negative.', '1']);
  });
});

describe('DmlException', () => {
  test("names the failed row and, on update, its Id: 'Update failed. First exception on row 0 with id ...'", () => {
    const lines =
      debug(`Widget__c w = new Widget__c(Name = 'u'); insert w; System.debug(w.Id); w.Quantity__c = -5;
      try { update w; } catch (DmlException e) { System.debug(e.getMessage()); System.debug(e.getDmlId(0) == w.Id); System.debug(e.getDmlIndex(0)); System.debug(e.getNumDml()); }`);
    expect(lines.slice(1)).toEqual([
      `Update failed. First exception on row 0 with id ${lines[0]}; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Quantity cannot be negative.: [Quantity__c]`,
      'true',
      '0',
      '1'
    ]);
  });

  test('all or none: one failed row rolls back the whole statement', () => {
    expect(
      debug(`try { insert new List<Widget__c>{ new Widget__c(Name = 'ok'), new Widget__c(Name = 'x', Quantity__c = -1) }; }
      catch (DmlException e) { System.debug(e.getMessage()); } System.debug([SELECT COUNT() FROM Widget__c]);`)
    ).toEqual([
      'Insert failed. First exception on row 1; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Quantity cannot be negative.: [Quantity__c]',
      '0'
    ]);
  });
});

describe('partial success (allOrNone = false)', () => {
  test('saves the other rows and returns a SaveResult per row; the failed input gets no Id', () => {
    expect(
      debug(`List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'ok1'), new Widget__c(Name = 'bad', Quantity__c = -1), new Widget__c(Name = 'ok2') };
      List<Database.SaveResult> results = Database.insert(ws, false);
      for (Database.SaveResult r : results) System.debug(r.isSuccess() + ' ' + (r.getId() != null) + ' ' + r.getErrors().size());
      Database.Error error = results[1].getErrors()[0]; System.debug(error.getStatusCode()); System.debug(error.getMessage()); System.debug(error.getFields());
      System.debug([SELECT COUNT() FROM Widget__c]); System.debug(ws[1].Id);`)
    ).toEqual([
      'true true 0',
      'false false 1',
      'true true 0',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      'Quantity cannot be negative.',
      '(Quantity__c)',
      '2',
      'null'
    ]);
  });

  test('the platform rolls back and saves the good rows again: triggers run twice, static state is kept', () => {
    expect(
      debug(`Database.insert(new List<Widget__c>{ new Widget__c(Name = 'ok1'), new Widget__c(Name = 'bad', Quantity__c = -1) }, false);
      for (String line : WidgetTriggerHandler.log) System.debug(line);`)
    ).toEqual([
      'BEFORE_INSERT new=2 old=null newMap=null oldMap=null',
      'AFTER_INSERT new=1 old=null newMap=1 oldMap=null',
      'BEFORE_INSERT new=1 old=null newMap=null oldMap=null',
      'AFTER_INSERT new=1 old=null newMap=1 oldMap=null'
    ]);
  });
});

describe('delete', () => {
  test('deleting a master deletes its detail records; deleting a lookup target clears the lookup', () => {
    expect(
      debug(`Account a = new Account(Name = 'Parent'); insert a; Widget__c w = new Widget__c(Name = 'm', Account__c = a.Id); insert w;
      insert new List<Gadget__c>{ new Gadget__c(Widget__c = w.Id), new Gadget__c(Widget__c = w.Id) };
      for (Gadget__c g : [SELECT Name FROM Gadget__c ORDER BY Name]) System.debug(g.Name);
      delete a; System.debug([SELECT Account__c FROM Widget__c WHERE Id = :w.Id].Account__c);
      delete w; System.debug([SELECT COUNT() FROM Gadget__c]);`)
    ).toEqual(['G-0001', 'G-0002', 'null', '0']);
  });
});

describe('upsert', () => {
  test('by an external id: matching records (case-insensitively) are updated, others created; UpsertResult.isCreated tells which', () => {
    expect(
      debug(`insert new Widget__c(Name = 'old', Code__c = 'X-1', Quantity__c = 1);
      List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'new code', Code__c = 'X-2'), new Widget__c(Name = 'renamed', Code__c = 'x-1', Quantity__c = 5) };
      for (Database.UpsertResult r : Database.upsert(ws, Widget__c.Code__c)) System.debug(r.isCreated() + ' ' + r.isSuccess());
      Widget__c stored = [SELECT Id, Name, Quantity__c FROM Widget__c WHERE Code__c = 'X-1']; System.debug(stored.Name + ' ' + stored.Quantity__c);
      System.debug(ws[1].Id == stored.Id); upsert new Widget__c(Name = 'statement', Code__c = 'X-3') Code__c; System.debug([SELECT COUNT() FROM Widget__c]);`)
    ).toEqual(['true true', 'false true', 'renamed 5', 'true', '3']);
  });
});

describe('setup and non-setup objects (MIXED_DML_OPERATION)', () => {
  const assignment = `new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Widget_Viewer'].Id)`;

  test('a setup object written after another record fails the statement, naming both objects', () => {
    expect(dmlFailure(`insert new Widget__c(Name = 'first'); insert ${assignment};`).slice(0, 2)).toEqual([
      'Insert failed. First exception on row 0; first error: MIXED_DML_OPERATION, DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): PermissionSetAssignment, original object: Widget__c: []',
      'MIXED_DML_OPERATION'
    ]);
  });

  test('and the other way round; deletes are not restricted', () => {
    expect(
      dmlFailure(
        `insert new UserRole(Name = 'R', DeveloperName = 'R'); delete [SELECT Id FROM Widget__c]; insert new Widget__c(Name = 'second');`
      )[1]
    ).toBe('MIXED_DML_OPERATION');
  });

  test('a user inserted without a role, or updated without changing access, mixes with other records', () => {
    expect(
      debug(`insert new Widget__c(Name = 'first'); Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
        User u = new User(Alias = 'mixed', LastName = 'Mixed', Email = 'mixed@example.com', Username = 'mixed@example.com', EmailEncodingKey = 'UTF-8',
          LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'GMT', ProfileId = p.Id);
        insert u; update new User(Id = u.Id, Title = 'Tester'); System.debug('saved');`)
    ).toEqual(['saved']);
  });

  test('in a test, a System.runAs block writes setup objects whatever the test wrote outside it', () => {
    expect(
      run(
        org,
        `insert new Widget__c(Name = 'first'); System.runAs(new User(Id = UserInfo.getUserId())) { insert ${assignment}; }
         insert new Widget__c(Name = 'second'); System.debug([SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = :UserInfo.getUserId()]);`,
        { isTest: true }
      )
    ).toEqual(['1']);
  });
});

describe('asynchronous Apex', () => {
  test('Test.stopTest runs the Queueable work queued after Test.startTest', () => {
    expect(
      run(
        org,
        `Test.startTest(); System.enqueueJob(new WidgetQueueable('queued')); System.debug([SELECT COUNT() FROM Widget__c WHERE Name = 'queued']);
         Test.stopTest(); System.debug([SELECT COUNT() FROM Widget__c WHERE Name = 'queued']); System.debug([SELECT Status FROM AsyncApexJob].Status);`,
        { isTest: true }
      )
    ).toEqual(['0', '1', 'Completed']);
  });

  test('Test.stopTest runs a batch: start, execute, finish; Database.Stateful keeps the count across steps', () => {
    expect(
      run(
        org,
        `insert new List<Widget__c>{ new Widget__c(Name = 'one'), new Widget__c(Name = 'two') };
         Test.startTest(); Id jobId = Database.executeBatch(new WidgetActivationBatch()); Test.stopTest();
         System.debug([SELECT COUNT() FROM Widget__c WHERE Active__c = true]); System.debug([SELECT Name FROM Widget__c WHERE Name LIKE 'batch%'].Name);
         AsyncApexJob job = [SELECT Status, JobItemsProcessed FROM AsyncApexJob WHERE Id = :jobId]; System.debug(job.Status + ' ' + job.JobItemsProcessed);`,
        { isTest: true }
      )
    ).toEqual(['2', 'batch finished after 1 chunks', 'Completed 1']);
  });

  test('a test can run one execute() of a batch: more records than the scope is System.UnexpectedException', () => {
    expect(
      run(
        org,
        `insert new List<Widget__c>{ new Widget__c(Name = 'counted 1'), new Widget__c(Name = 'counted 2'), new Widget__c(Name = 'counted 3') };
         Test.startTest(); Database.executeBatch(new WidgetCountingBatch(), 2);
         try { Test.stopTest(); } catch (UnexpectedException e) { System.debug(e.getMessage()); }`,
        { isTest: true }
      )
    ).toEqual([
      'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned from your start method matches the batch size, resulting in one executeBatch invocation.'
    ]);
  });

  test('outside a test, queued work runs after the transaction commits; each batch step has fresh limits and statics; without Database.Stateful the fields start over', () => {
    run(
      org,
      `List<Widget__c> ws = new List<Widget__c>(); for (Integer i = 0; i < 5; i++) ws.add(new Widget__c(Name = 'counted ' + i)); insert ws;
       Database.executeBatch(new WidgetCountingBatch(), 2); System.enqueueJob(new WidgetQueueable('after commit'));`,
      { commit: true }
    );
    expect(
      debug(
        `for (Widget__c w : [SELECT Name FROM Widget__c WHERE Name LIKE 'chunk%' OR Name LIKE 'finished%' OR Name = 'after commit' ORDER BY Name]) System.debug(w.Name);`
      )
    ).toEqual([
      'after commit',
      'chunk 1 of 1, DML before 0, static 1',
      'chunk 1 of 2, DML before 0, static 1',
      'chunk 1 of 2, DML before 0, static 1',
      'finished after 0 chunks'
    ]);
    run(org, `delete [SELECT Id FROM Widget__c];`, { commit: true });
  });
});
