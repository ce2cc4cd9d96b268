import { join, resolve } from 'node:path';
import { ApexThrow } from '../../interpret/apexThrow';
import { OrgRuntime } from '../../orgRuntime';
import { PlatformError, UnsupportedError } from '../../platformError';

/**
 * The runtime's platform tests run against a small SFDX project of generic objects
 * (fixtures/platform: Widget__c, its Gadget__c details, two permission sets, a trigger and a
 * few classes), loaded into an in-memory org. Each snippet of anonymous Apex runs as one
 * transaction, rolled back afterwards unless a test asks to keep its data, and answers with
 * its System.debug lines — or with the Apex exception that ended it.
 */
export const PROJECT_ROOT = resolve(__dirname, '../../../..');
export const FIXTURES = join(__dirname, '..', 'fixtures');
export const PLATFORM_FIXTURE = join(FIXTURES, 'platform');

export function loadOrg(...extraDirs: string[]): OrgRuntime {
  return OrgRuntime.load({
    root: PROJECT_ROOT,
    sourceDirs: [PLATFORM_FIXTURE, ...extraDirs],
    databasePath: ':memory:',
    cacheDir: null
  });
}

export interface ApexFailure {
  /** The Apex exception type (`System.DmlException`), or `Unsupported` for what the runtime does not implement. */
  type: string;
  message: string;
  stackTrace: string;
}

export interface RunOptions {
  /** Keep what the snippet wrote (default: rolled back). */
  commit?: boolean;
  /** Run as test code (System.runAs, Test.startTest). */
  isTest?: boolean;
  userId?: string;
}

/** Runs anonymous Apex and returns its debug lines; an Apex exception fails the call. */
export function run(org: OrgRuntime, code: string, options: RunOptions = {}): string[] {
  return org.executeAnonymous(code, options.userId ?? org.adminUserId, {
    isTest: options.isTest,
    rollback: !options.commit
  });
}

/** Runs anonymous Apex that must end in an exception, and describes that exception. */
export function failure(org: OrgRuntime, code: string, options: RunOptions = {}): ApexFailure {
  try {
    run(org, code, options);
  } catch (error) {
    if (error instanceof ApexThrow)
      return { type: error.typeName, message: error.apexMessage, stackTrace: error.apexStackTrace };
    if (error instanceof PlatformError)
      return { type: error.exceptionType, message: error.message, stackTrace: error.apexStack ?? '' };
    if (error instanceof UnsupportedError)
      return { type: 'Unsupported', message: error.message, stackTrace: '' };
    throw error;
  }
  throw new Error('the Apex completed without an exception');
}

/** A user of the Minimum Access profile holding the given permission sets (committed), and its Id. */
export function createUser(
  org: OrgRuntime,
  alias: string,
  permissionSets: string[],
  roleId: string | null = null
): string {
  const assignments = permissionSets
    .map(
      (name) =>
        `insert new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = '${name}'].Id);`
    )
    .join('\n');
  const [id] = run(
    org,
    `Profile p = [SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'];
     User u = new User(Alias = '${alias}', LastName = '${alias}', Email = '${alias}@example.com', Username = '${alias}@example.com',
       EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'GMT',
       ProfileId = p.Id, UserRoleId = ${roleId === null ? 'null' : `'${roleId}'`});
     insert u;
     ${assignments}
     System.debug(u.Id);`,
    { commit: true }
  );
  return id;
}
