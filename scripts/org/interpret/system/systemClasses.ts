import { PlatformError, UnsupportedError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import type { Execution } from '../execution';
import { GovernorLimits } from '../../limits/governorLimits';
import { toText } from '../operators';
import { ApexObject } from '../runtimeClass';
import { ApexDatetime } from '../values/temporal';
import { SObject } from '../values/sobject';
import { abortJob, enqueueJob, schedule } from './async';
import { SYSTEM_ASSERTS } from './assert';
import { enumValue, nativeClass } from './nativeClass';

/**
 * System, UserInfo, Limits, FeatureManagement, Test, Label and Trigger: the platform classes
 * that answer about the transaction, the running user and the package.
 */
const STATUS_CODES = [
  'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
  'DELETE_FAILED',
  'DUPLICATE_VALUE',
  'ENTITY_IS_DELETED',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'FIELD_FILTER_VALIDATION_EXCEPTION',
  'FIELD_INTEGRITY_EXCEPTION',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INVALID_CROSS_REFERENCE_KEY',
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_ID_FIELD',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'INVALID_TYPE',
  'MALFORMED_ID',
  'MIXED_DML_OPERATION',
  'REQUIRED_FIELD_MISSING',
  'STRING_TOO_LONG',
  'UNABLE_TO_LOCK_ROW',
  'UNKNOWN_EXCEPTION'
];

function userField(ex: Execution, field: string): unknown {
  const user = ex.org.services.security.user(ex);
  return user.peek(field) ?? null;
}

export function installSystemClasses(registry: ClassRegistry): void {
  nativeClass(registry, {
    name: 'StatusCode',
    aliases: ['System.StatusCode'],
    kind: 'enum',
    enumValues: STATUS_CODES
  });
  const operation = nativeClass(registry, {
    name: 'System.TriggerOperation',
    aliases: ['TriggerOperation'],
    kind: 'enum',
    enumValues: [
      'BEFORE_INSERT',
      'BEFORE_UPDATE',
      'BEFORE_DELETE',
      'AFTER_INSERT',
      'AFTER_UPDATE',
      'AFTER_DELETE',
      'AFTER_UNDELETE'
    ]
  });
  nativeClass(registry, {
    name: 'System',
    staticMethods: {
      ...SYSTEM_ASSERTS,
      today: (ex) => ex.org.clock.today(),
      now: (ex) => ex.now(),
      currentTimeMillis: (ex) => ex.now().ms,
      // The debug log: printed to stderr when PSMS_APEX_DEBUG is set (npm run apex:test -- --debug).
      debug: (ex, _self, args) => {
        const line = toText(args[args.length - 1]);
        ex.debugLog.push(line);
        if (process.env.PSMS_APEX_DEBUG) process.stderr.write(`DEBUG|${line}\n`);
        return null;
      },
      schedule: (ex, _self, [name, cron, job]) => schedule(ex, name, cron, job),
      abortJob: (ex, _self, [id]) => abortJob(ex, id),
      enqueueJob: (ex, _self, [job]) => enqueueJob(ex, job),
      isBatch: () => false,
      isFuture: () => false,
      isQueueable: () => false,
      isScheduled: () => false,
      runAs: () => {
        throw new UnsupportedError('System.runAs outside its statement form');
      }
    }
  });
  nativeClass(registry, {
    name: 'System.UserInfo',
    aliases: ['UserInfo'],
    staticMethods: {
      getUserId: (ex) => ex.userId,
      getName: (ex) => userField(ex, 'Name'),
      getFirstName: (ex) => userField(ex, 'FirstName'),
      getLastName: (ex) => userField(ex, 'LastName'),
      getUserName: (ex) => userField(ex, 'Username'),
      getUserEmail: (ex) => userField(ex, 'Email'),
      getProfileId: (ex) => userField(ex, 'ProfileId'),
      getUserRoleId: (ex) => userField(ex, 'UserRoleId'),
      getUserType: () => 'Standard',
      getTimeZone: () => {
        throw new UnsupportedError('UserInfo.getTimeZone (every local user is in GMT)');
      },
      getLocale: (ex) => userField(ex, 'LocaleSidKey'),
      getLanguage: (ex) => userField(ex, 'LanguageLocaleKey'),
      getOrganizationId: (ex) => {
        const row = ex.org.database.sql.prepare('SELECT Id FROM "Organization" LIMIT 1').get() as
          { Id: string } | undefined;
        return row?.Id ?? null;
      },
      getDefaultCurrency: () => 'USD',
      isMultiCurrencyOrganization: () => false
    }
  });
  const limit = (read: (l: GovernorLimits) => number) => (ex: Execution) => read(ex.limits);
  nativeClass(registry, {
    name: 'System.Limits',
    aliases: ['Limits'],
    staticMethods: {
      getQueries: limit((l) => l.counts.queries),
      getLimitQueries: limit((l) => l.max.queries),
      getQueryRows: limit((l) => l.counts.queryRows),
      getLimitQueryRows: limit((l) => l.max.queryRows),
      getDmlStatements: limit((l) => l.counts.dmlStatements),
      getLimitDmlStatements: limit((l) => l.max.dmlStatements),
      getDmlRows: limit((l) => l.counts.dmlRows),
      getLimitDmlRows: limit((l) => l.max.dmlRows),
      getQueueableJobs: limit((l) => l.counts.queueableJobs),
      getLimitQueueableJobs: limit((l) => l.max.queueableJobs),
      getCpuTime: limit((l) => l.cpuTime()),
      getLimitCpuTime: limit((l) => l.max.cpuMs),
      getHeapSize: () => 0,
      getLimitHeapSize: () => 6_000_000,
      getCallouts: () => 0,
      getLimitCallouts: () => 100
    }
  });
  nativeClass(registry, {
    name: 'System.FeatureManagement',
    aliases: ['FeatureManagement'],
    staticMethods: {
      checkPermission: (ex, _self, [name]) => ex.org.services.security.hasCustomPermission(ex, String(name))
    }
  });
  nativeClass(registry, {
    name: 'System.Label',
    aliases: ['Label'],
    nativeStatic: (ex, name) => {
      const value = ex.org.services.packageData.label(name);
      if (value === undefined) throw new UnsupportedError(`Label.${name}: no such custom label`);
      return value;
    }
  });
  nativeClass(registry, {
    name: 'System.Test',
    aliases: ['Test'],
    staticMethods: {
      isRunningTest: (ex) => ex.options.isTest === true,
      startTest: (ex) => {
        const test = requireTest(ex, 'Test.startTest');
        if (test.started) throw new PlatformError('System.FinalException', 'Testing already started');
        test.started = true;
        test.outerLimits = ex.limits;
        ex.limits = new GovernorLimits(ex.limits.max);
        return null;
      },
      stopTest: (ex) => {
        const test = requireTest(ex, 'Test.stopTest');
        if (!test.started || test.stopped)
          throw new PlatformError('System.FinalException', 'Testing has not started');
        test.stopped = true;
        runQueuedAsync(ex);
        if (test.outerLimits) ex.limits = test.outerLimits;
        return null;
      },
      setCreatedDate: (ex, _self, [id, when]) => {
        requireTest(ex, 'Test.setCreatedDate');
        if (typeof id !== 'string' || !(when instanceof ApexDatetime))
          throw new PlatformError(
            'System.IllegalArgumentException',
            'Test.setCreatedDate needs a record id and a Datetime'
          );
        const object = ex.org.schema.objectOfId(id);
        if (!object) throw new PlatformError('System.IllegalArgumentException', `No record with id ${id}`);
        ex.org.database.update(object, id, { CreatedDate: when.toIso() });
        return null;
      },
      setMock: () => {
        throw new UnsupportedError('Test.setMock (callouts)');
      },
      getStandardPricebookId: () => {
        throw new UnsupportedError('Test.getStandardPricebookId');
      }
    }
  });
  nativeClass(registry, {
    name: 'System.Trigger',
    aliases: ['Trigger'],
    staticProperties: {
      isExecuting: (ex) => ex.triggers.length > 0,
      new: (ex) => ex.triggers.at(-1)?.newList ?? null,
      old: (ex) => ex.triggers.at(-1)?.oldList ?? null,
      newMap: (ex) => ex.triggers.at(-1)?.newMap ?? null,
      oldMap: (ex) => ex.triggers.at(-1)?.oldMap ?? null,
      size: (ex) => ex.triggers.at(-1)?.size ?? 0,
      operationType: (ex) => {
        const context = ex.triggers.at(-1);
        return context ? enumValue(operation, context.operation) : null;
      },
      isBefore: (ex) => ex.triggers.at(-1)?.operation.startsWith('BEFORE') ?? false,
      isAfter: (ex) => ex.triggers.at(-1)?.operation.startsWith('AFTER') ?? false,
      isInsert: (ex) => ex.triggers.at(-1)?.operation.endsWith('INSERT') ?? false,
      isUpdate: (ex) => ex.triggers.at(-1)?.operation.endsWith('UPDATE') ?? false,
      isDelete: (ex) => ex.triggers.at(-1)?.operation.endsWith('DELETE') ?? false,
      isUndelete: (ex) => ex.triggers.at(-1)?.operation.endsWith('UNDELETE') ?? false
    }
  });
  void SObject;
  void ApexObject;
}

function requireTest(ex: Execution, what: string): NonNullable<Execution['test']> {
  if (!ex.test) throw new UnsupportedError(`${what} outside a test method`);
  return ex.test;
}

/** Runs the async work queued so far, in order (Test.stopTest). */
export function runQueuedAsync(ex: Execution): void {
  while (ex.asyncQueue.length > 0) {
    const work = ex.asyncQueue.shift();
    if (work) work.run(ex);
  }
}
