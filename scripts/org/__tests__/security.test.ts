import type { OrgRuntime } from '../orgRuntime';
import { createUser, failure, loadOrg, run } from './support/platformOrg';

/**
 * Who may do what (Apex Developer Guide, "Enforcing Sharing Rules", "Set an Access Mode for
 * Database Operations", "Enforce Security with the stripInaccessible Method"): Widget_User holds
 * every widget field but Secret__c and reads gadgets; Widget_Viewer reads widget codes only.
 * Widget__c is Private: Alice (role Rep, under Boss) owns a1 and a2, Bob (no role) owns b1.
 */
let org: OrgRuntime;
let boss: string;
let alice: string;
let bob: string;
let viewer: string;
let b1: string;

beforeAll(() => {
  org = loadOrg();
  const [bossRole, repRole] = run(
    org,
    `UserRole boss = new UserRole(Name = 'Boss', DeveloperName = 'Boss'); insert boss;
     UserRole rep = new UserRole(Name = 'Rep', DeveloperName = 'Rep', ParentRoleId = boss.Id); insert rep;
     System.debug(boss.Id); System.debug(rep.Id);`,
    { commit: true }
  );
  boss = createUser(org, 'boss', ['Widget_User'], bossRole);
  alice = createUser(org, 'alice', ['Widget_User'], repRole);
  bob = createUser(org, 'bob', ['Widget_User']);
  viewer = createUser(org, 'viewer', ['Widget_Viewer']);
  run(
    org,
    `insert new List<Widget__c>{ new Widget__c(Name = 'a1', Secret__c = 's'), new Widget__c(Name = 'a2') };`,
    { userId: alice, commit: true }
  );
  [b1] = run(org, `Widget__c b = new Widget__c(Name = 'b1'); insert b; System.debug(b.Id);`, {
    userId: bob,
    commit: true
  });
});

afterAll(() => org.database.close());

const as = (userId: string, code: string): string[] => run(org, code, { userId });

describe('record sharing', () => {
  test('with sharing sees only the records of a Private object the user owns; without sharing sees all', () => {
    expect(
      as(alice, `System.debug(WidgetsWithSharing.visible()); System.debug(WidgetsWithoutSharing.visible());`)
    ).toEqual(['2', '3']);
  });

  test('inherited sharing takes the caller’s mode', () => {
    expect(
      as(
        alice,
        `System.debug(WidgetsWithSharing.visibleThroughInheritance()); System.debug(WidgetsWithoutSharing.visibleThroughInheritance());`
      )
    ).toEqual(['2', '3']);
  });

  test('inherited sharing called as the entry point of a transaction runs with sharing', () => {
    const cls = org.topClass('WidgetsInheritedSharing');
    const visible = cls?.findMethods('visible')[0];
    if (!visible) throw new Error('WidgetsInheritedSharing.visible is missing from the fixture');
    expect(org.transaction({ userId: alice }, (ex) => ex.invoke(visible, null, []))).toBe(2);
  });

  test('anonymous Apex runs with the sharing rules of the current user', () => {
    expect(as(bob, `System.debug([SELECT COUNT() FROM Widget__c]);`)).toEqual(['1']);
  });

  test('the role hierarchy opens the records of users below: Boss sees Alice’s widgets, not Bob’s', () => {
    expect(as(boss, `System.debug(WidgetsWithSharing.visible());`)).toEqual(['2']);
  });

  test('an Apex managed share row with a sharing reason grants the record', () => {
    run(
      org,
      `insert new Widget__Share(ParentId = '${b1}', UserOrGroupId = '${alice}', AccessLevel = 'Read', RowCause = Schema.Widget__Share.RowCause.Maintainer__c);`,
      { userId: bob, commit: true }
    );
    expect(
      as(
        alice,
        `System.debug(WidgetsWithSharing.visible()); System.debug([SELECT RowCause FROM Widget__Share WHERE UserOrGroupId = '${alice}'].RowCause);`
      )
    ).toEqual(['3', 'Maintainer__c']);
    // The role hierarchy opens to Boss what is shared with Alice, as well as what she owns.
    expect(as(boss, `System.debug(WidgetsWithSharing.visible());`)).toEqual(['3']);
    run(org, `delete [SELECT Id FROM Widget__Share WHERE UserOrGroupId = '${alice}'];`, { commit: true });
    expect(as(alice, `System.debug(WidgetsWithSharing.visible());`)).toEqual(['2']);
  });

  test('a Read share does not let the user edit: update as user fails with INSUFFICIENT_ACCESS_OR_READONLY', () => {
    expect(
      as(
        alice,
        `try { update as user new Widget__c(Id = '${b1}', Notes__c = 'x'); } catch (DmlException e) { System.debug(e.getDmlType(0)); }`
      )
    ).toEqual(['INSUFFICIENT_ACCESS_OR_READONLY']);
  });
});

describe('user mode', () => {
  test('WITH USER_MODE refuses a field the permission set does not grant, naming it in getInaccessibleFields()', () => {
    expect(
      as(
        alice,
        `try { List<Widget__c> ws = [SELECT Id, Secret__c FROM Widget__c WITH USER_MODE]; }
        catch (QueryException e) { System.debug(e.getMessage()); System.debug(e.getInaccessibleFields()); }`
      )
    ).toEqual([
      'Insufficient permissions: secure query included inaccessible field',
      '{Widget__c={Secret__c}}'
    ]);
  });

  test('system mode (the default) reads every field whatever the permission set', () => {
    expect(as(alice, `System.debug([SELECT Secret__c FROM Widget__c WHERE Name = 'a1'].Secret__c);`)).toEqual(
      ['s']
    );
  });

  test('WITH USER_MODE refuses an object the user has no read access to', () => {
    expect(
      failure(org, `List<Gadget__c> gadgets = [SELECT Id FROM Gadget__c WITH USER_MODE];`, { userId: viewer })
        .type
    ).toBe('System.QueryException');
    expect(as(alice, `System.debug([SELECT COUNT() FROM Gadget__c WITH USER_MODE]);`)).toEqual(['0']);
  });

  test('insert as user refuses a field without edit access; getDmlFieldNames names it', () => {
    expect(
      as(
        alice,
        `try { insert as user new Widget__c(Name = 'x', Secret__c = 'no'); } catch (DmlException e) { System.debug(e.getDmlType(0)); System.debug(e.getDmlFieldNames(0)); }`
      )
    ).toEqual(['INVALID_FIELD_FOR_INSERT_UPDATE', '(Secret__c)']);
  });

  test('insert as user refuses an object the user may not create; as system (the default) does not', () => {
    expect(failure(org, `insert as user new Widget__c(Name = 'x');`, { userId: viewer }).type).toBe(
      'System.DmlException'
    );
    expect(
      as(
        viewer,
        `insert new Widget__c(Name = 'x', Secret__c = 'fine in system mode'); System.debug('saved');`
      )
    ).toEqual(['saved']);
  });

  test('Database.insert with AccessLevel.USER_MODE and allOrNone false reports the refusal in the SaveResult', () => {
    expect(
      as(
        alice,
        `Database.SaveResult r = Database.insert(new Widget__c(Name = 'x', Secret__c = 'no'), false, AccessLevel.USER_MODE);
        System.debug(r.isSuccess()); System.debug(r.getErrors()[0].getFields());`
      )
    ).toEqual(['false', '(Secret__c)']);
  });
});

describe('Security.stripInaccessible', () => {
  test('READABLE removes the fields the user may not read and reports them; a removed field reads null; Id stays', () => {
    expect(
      as(
        alice,
        `List<Widget__c> ws = [SELECT Id, Name, Secret__c FROM Widget__c WHERE Name = 'a1'];
        SObjectAccessDecision d = Security.stripInaccessible(AccessType.READABLE, ws); System.debug(d.getRemovedFields());
        Widget__c stripped = (Widget__c) d.getRecords()[0]; System.debug(stripped.Name); System.debug(stripped.Secret__c);
        System.debug(stripped.Id == ws[0].Id); System.debug(d.getModifiedIndexes());`
      )
    ).toEqual(['{Widget__c={Secret__c}}', 'a1', 'null', 'true', '{0}']);
  });

  test('UPDATABLE removes what the user may read but not edit; READABLE keeps it', () => {
    expect(
      as(
        alice,
        `List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'n', Price__c = 1) };
        System.debug(Security.stripInaccessible(AccessType.UPDATABLE, ws).getRemovedFields());
        System.debug(Security.stripInaccessible(AccessType.READABLE, ws).getRemovedFields());`
      )
    ).toEqual(['{Widget__c={Price__c}}', '{}']);
  });

  test('an object the user cannot access at all is System.NoAccessException', () => {
    expect(
      failure(
        org,
        `Security.stripInaccessible(AccessType.READABLE, new List<Gadget__c>{ new Gadget__c(Weight__c = 1) });`,
        { userId: viewer }
      ).type
    ).toBe('System.NoAccessException');
  });
});

describe('permissions in Apex', () => {
  test('FeatureManagement.checkPermission follows the custom permissions of the user’s permission sets (the admin profile holds none)', () => {
    expect(as(alice, `System.debug(FeatureManagement.checkPermission('Approve_Widgets'));`)).toEqual([
      'true'
    ]);
    expect(as(viewer, `System.debug(FeatureManagement.checkPermission('Approve_Widgets'));`)).toEqual([
      'false'
    ]);
    expect(run(org, `System.debug(FeatureManagement.checkPermission('Approve_Widgets'));`)).toEqual([
      'false'
    ]);
  });

  test('a validation rule reads $Permission for the running user: an approver may change a widget’s code', () => {
    expect(
      as(
        alice,
        `Widget__c w = new Widget__c(Name = 'c', Code__c = 'A-1'); insert w; w.Code__c = 'A-2'; update w;
        System.debug([SELECT Code__c FROM Widget__c WHERE Id = :w.Id].Code__c);`
      )
    ).toEqual(['A-2']);
  });

  test('describe results answer for the running user', () => {
    expect(
      as(
        viewer,
        `System.debug(Schema.SObjectType.Widget__c.fields.Code__c.isAccessible()); System.debug(Schema.SObjectType.Widget__c.fields.Secret__c.isAccessible());
        System.debug(Schema.SObjectType.Widget__c.isCreateable()); System.debug(Gadget__c.SObjectType.getDescribe().isAccessible());`
      )
    ).toEqual(['true', 'false', 'false', 'false']);
  });
});
