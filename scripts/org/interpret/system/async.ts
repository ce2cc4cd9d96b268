import { PlatformError, UnsupportedError } from '../../platformError';
import type { ClassRegistry } from '../classRegistry';
import type { AsyncWork, Execution } from '../execution';
import { ApexObject, type RuntimeClass } from '../runtimeClass';
import { ApexList, ApexMap, ApexSet } from '../values/collections';
import { SObject } from '../values/sobject';
import { emptyDmlKinds } from '../../dml/mixedDml';
import { ASYNC_LIMITS, GovernorLimits } from '../../limits/governorLimits';
import { nativeClass } from './nativeClass';
import { cloneSObject } from './valueMethods/sobjectMethods';
import { nextFireTime } from './cron';

/**
 * Asynchronous Apex: Batchable (start → execute per chunk → finish), Queueable and
 * Schedulable. Work is queued in the transaction and runs after it commits — in a test, at
 * Test.stopTest — each step with the async governor limits. System.schedule records a
 * CronTrigger the org can list and abort; the runtime keeps the job's class so the scheduled
 * work can be run on demand.
 */
export function installAsync(registry: ClassRegistry): void {
  const batchable = nativeClass(registry, { name: 'Database.Batchable', kind: 'interface' });
  nativeClass(registry, { name: 'Database.Stateful', kind: 'interface' });
  nativeClass(registry, { name: 'Database.AllowsCallouts', kind: 'interface' });
  nativeClass(registry, { name: 'Database.RaisesPlatformEvents', kind: 'interface' });
  nativeClass(registry, { name: 'System.Schedulable', aliases: ['Schedulable'], kind: 'interface' });
  nativeClass(registry, { name: 'System.Queueable', aliases: ['Queueable'], kind: 'interface' });
  nativeClass(registry, { name: 'System.Comparable', aliases: ['Comparable'], kind: 'interface' });
  nativeClass(registry, { name: 'System.Callable', aliases: ['Callable'], kind: 'interface' });
  nativeClass(registry, { name: 'System.Iterable', aliases: ['Iterable'], kind: 'interface' });
  const contextMethods = {
    getJobId: (_ex: Execution, self: ApexObject | null) => (self as ApexObject).native.jobId,
    getChildJobId: (_ex: Execution, self: ApexObject | null) => (self as ApexObject).native.jobId,
    getTriggerId: (_ex: Execution, self: ApexObject | null) => (self as ApexObject).native.jobId
  };
  nativeClass(registry, { name: 'Database.BatchableContext', methods: contextMethods });
  nativeClass(registry, {
    name: 'System.SchedulableContext',
    aliases: ['SchedulableContext'],
    methods: contextMethods
  });
  nativeClass(registry, {
    name: 'System.QueueableContext',
    aliases: ['QueueableContext'],
    methods: contextMethods
  });
  nativeClass(registry, {
    name: 'Database.QueryLocator',
    methods: {
      getQuery: (_ex, self) => (self as ApexObject).native.query ?? null
    }
  });
  void batchable;
}

/**
 * Each step of async work (a batch's start, each execute, finish; a queueable's or scheduled
 * job's execute) is a transaction of its own on the platform, with its own async governor
 * limits and its own record of setup and other DML — also when a test runs it at Test.stopTest.
 */
function ownTransaction(ex: Execution, work: () => void): void {
  const outer = ex.limits;
  const kinds = ex.dmlKinds;
  ex.limits = new GovernorLimits(ASYNC_LIMITS);
  ex.dmlKinds = emptyDmlKinds();
  try {
    work();
  } finally {
    ex.org.onAsyncStep?.(ex.limits.snapshot());
    ex.limits = outer;
    ex.dmlKinds = kinds;
  }
}

/** The batch object's fields as queued (collections, records and objects copied, so later changes do not reach them). */
function copyFields(object: ApexObject): Map<string, unknown> {
  const copies = new Map<unknown, unknown>();
  return new Map([...object.fields].map(([key, value]) => [key, copyValue(value, copies)]));
}

function restoreFields(object: ApexObject, queued: Map<string, unknown>): void {
  const copies = new Map<unknown, unknown>();
  object.fields.clear();
  for (const [key, value] of queued) object.fields.set(key, copyValue(value, copies));
}

function copyValue(value: unknown, copies: Map<unknown, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (value instanceof ApexList) {
    const list = new ApexList(value.element, []);
    copies.set(value, list);
    list.items = value.items.map((item) => copyValue(item, copies));
    list.fromSoql = value.fromSoql;
    return list;
  }
  if (value instanceof ApexSet) {
    const set = new ApexSet(value.element);
    copies.set(value, set);
    for (const item of value.values()) set.add(copyValue(item, copies));
    return set;
  }
  if (value instanceof ApexMap) {
    const map = new ApexMap(value.keyType, value.valueType);
    copies.set(value, map);
    for (const key of value.keys()) map.put(key, copyValue(value.get(key), copies));
    return map;
  }
  if (value instanceof SObject) {
    const record = cloneSObject(value, true, true, true, true);
    copies.set(value, record);
    return record;
  }
  if (value instanceof ApexObject && !value.cls.isSystem) {
    const object = new ApexObject(value.cls);
    copies.set(value, object);
    object.native = value.native;
    for (const [key, field] of value.fields) object.fields.set(key, copyValue(field, copies));
    return object;
  }
  return value;
}

function context(ex: Execution, name: string, jobId: string): ApexObject {
  const ctx = new ApexObject(ex.org.registry.systemClass(name));
  ctx.native = { jobId };
  return ctx;
}

function call(ex: Execution, target: ApexObject, method: string, args: unknown[]): unknown {
  const candidates = target.cls.findMethods(method.toLowerCase()).filter((m) => !m.isStatic);
  if (candidates.length === 0) throw new UnsupportedError(`${target.cls.name} has no ${method} method`);
  const chosen = ex.selectMethod(candidates, args, `${target.cls.name}.${method}`);
  return ex.invoke(target.cls.dispatch(chosen), target, args);
}

/** The records a batch's start() returned: a QueryLocator's rows, or an Iterable's items. */
function startRecords(result: unknown): unknown[] {
  if (result instanceof ApexObject && result.native.records instanceof ApexList)
    return result.native.records.items;
  if (result instanceof ApexList) return result.items;
  throw new UnsupportedError('a Batchable start() that returns neither a QueryLocator nor a List');
}

function recordJob(ex: Execution, jobType: string, cls: RuntimeClass): string {
  const object = ex.org.schema.object('AsyncApexJob');
  if (!object) throw new Error('the runtime has no AsyncApexJob object');
  const [id] = ex.org.database.allocateIds(object, 1);
  const now = ex.now().toIso();
  const apexClass = ex.org.database.sql
    .prepare('SELECT Id FROM "ApexClass" WHERE Name = ?')
    .get(cls.name.split('.')[0]) as { Id: string } | undefined;
  ex.org.database.insert(object, [
    {
      Id: id,
      ApexClassId: apexClass?.Id ?? null,
      JobType: jobType,
      Status: 'Queued',
      MethodName: null,
      CreatedDate: now,
      CreatedById: ex.userId,
      NumberOfErrors: 0,
      JobItemsProcessed: 0,
      TotalJobItems: 0
    }
  ]);
  return id;
}

function finishJob(
  ex: Execution,
  jobId: string,
  status: string,
  items: number,
  errors: number,
  message: string | null
): void {
  const object = ex.org.schema.object('AsyncApexJob');
  if (!object) return;
  ex.org.database.update(object, jobId, {
    Status: status,
    JobItemsProcessed: items,
    TotalJobItems: items,
    NumberOfErrors: errors,
    ExtendedStatus: message,
    CompletedDate: ex.now().toIso()
  });
}

export function executeBatch(ex: Execution, batch: unknown, scopeSize: unknown): string {
  if (!(batch instanceof ApexObject) || !batch.cls.isA(ex.org.registry.systemClass('Database.Batchable')))
    throw new PlatformError(
      'System.AsyncException',
      'Database.executeBatch needs an object that implements Database.Batchable'
    );
  const size = scopeSize === undefined || scopeSize === null ? 200 : Number(scopeSize);
  if (size < 1 || size > 2000)
    throw new PlatformError('System.AsyncException', `Batch scope must be between 1 and 2000, not ${size}`);
  const jobId = recordJob(ex, 'BatchApex', batch.cls);
  // Without Database.Stateful, every step starts from the job as it was queued: what start() or
  // an execute() stored in the object's fields is gone by the next step.
  const stateful = batch.cls.isA(ex.org.registry.systemClass('Database.Stateful'));
  const queued = stateful ? null : copyFields(batch);
  ex.enqueue({
    kind: 'batch',
    label: batch.cls.name,
    jobId,
    run: (runner) => runBatch(runner, batch, size, jobId, queued)
  });
  return jobId;
}

/** A test can run one execute() of a batch: its start() must return no more records than the scope. */
const ONE_EXECUTE_IN_TESTS =
  'No more than one executeBatch can be called from within a test method. Please make sure the iterable returned from your start method matches the batch size, resulting in one executeBatch invocation.';

function runBatch(
  ex: Execution,
  batch: ApexObject,
  size: number,
  jobId: string,
  queued: Map<string, unknown> | null
): void {
  const ctx = context(ex, 'Database.BatchableContext', jobId);
  // Outside a test every step is a transaction of its own: static variables start over. (A test
  // runs the job inside its own transaction at Test.stopTest.)
  const step = (method: string, args: unknown[]): unknown => {
    if (queued) restoreFields(batch, queued);
    let result: unknown = null;
    const run = (): void => ownTransaction(ex, () => (result = call(ex, batch, method, args)));
    if (ex.test) run();
    else ex.withFreshStatics(run);
    return result;
  };
  let processed = 0;
  try {
    const records = startRecords(step('start', [ctx]));
    const element =
      records[0] instanceof SObject
        ? { kind: 'sobject' as const, object: (records[0] as SObject).type }
        : { kind: 'sobject' as const, object: null };
    for (let i = 0; i < records.length; i += size) {
      if (i > 0 && ex.test) throw new PlatformError('System.UnexpectedException', ONE_EXECUTE_IN_TESTS);
      ex.org.services.security.invalidate();
      step('execute', [ctx, new ApexList(element, records.slice(i, i + size))]);
      processed++;
    }
    step('finish', [ctx]);
    finishJob(ex, jobId, 'Completed', processed, 0, null);
  } catch (error) {
    finishJob(ex, jobId, 'Failed', processed, 1, (error as Error).message);
    throw error;
  }
}

export function enqueueJob(ex: Execution, job: unknown): string {
  if (!(job instanceof ApexObject) || !job.cls.isA(ex.org.registry.systemClass('System.Queueable')))
    throw new PlatformError(
      'System.AsyncException',
      'System.enqueueJob needs an object that implements Queueable'
    );
  ex.limits.countQueueable();
  const jobId = recordJob(ex, 'Queueable', job.cls);
  const work: AsyncWork = {
    kind: 'queueable',
    label: job.cls.name,
    jobId,
    run: (runner) => {
      ownTransaction(runner, () =>
        call(runner, job, 'execute', [context(runner, 'System.QueueableContext', jobId)])
      );
      finishJob(runner, jobId, 'Completed', 1, 0, null);
    }
  };
  ex.enqueue(work);
  return jobId;
}

export function schedule(ex: Execution, name: unknown, cron: unknown, job: unknown): string {
  if (!(job instanceof ApexObject) || !job.cls.isA(ex.org.registry.systemClass('System.Schedulable')))
    throw new PlatformError(
      'System.AsyncException',
      'System.schedule needs an object that implements Schedulable'
    );
  const jobName = String(name);
  const detailObject = ex.org.schema.object('CronJobDetail');
  const triggerObject = ex.org.schema.object('CronTrigger');
  if (!detailObject || !triggerObject) throw new Error('the runtime has no CronTrigger object');
  const taken = ex.org.database.sql.prepare('SELECT Id FROM "CronJobDetail" WHERE Name = ?').get(jobName) as
    { Id: string } | undefined;
  if (taken)
    throw new PlatformError(
      'System.AsyncException',
      `The Apex job named "${jobName}" is already scheduled for execution.`
    );
  const [detailId] = ex.org.database.allocateIds(detailObject, 1);
  const [triggerId] = ex.org.database.allocateIds(triggerObject, 1);
  const now = ex.now().toIso();
  ex.org.database.insert(detailObject, [
    { Id: detailId, Name: jobName, JobType: '7', CreatedDate: now, CreatedById: ex.userId }
  ]);
  const next = nextFireTime(String(cron), ex.now().ms);
  ex.org.database.insert(triggerObject, [
    {
      Id: triggerId,
      CronJobDetailId: detailId,
      CronExpression: String(cron),
      State: 'WAITING',
      TimesTriggered: 0,
      NextFireTime: next === null ? null : new Date(next).toISOString(),
      StartTime: now,
      OwnerId: ex.userId,
      CreatedDate: now,
      CreatedById: ex.userId
    }
  ]);
  ex.org.database.setMeta(`scheduled:${triggerId}`, job.cls.name);
  // In a test, a job scheduled after Test.startTest runs at Test.stopTest.
  if (ex.test?.started)
    ex.enqueue({
      kind: 'schedule',
      label: job.cls.name,
      jobId: triggerId,
      run: (runner) => {
        ownTransaction(runner, () =>
          call(runner, job, 'execute', [context(runner, 'System.SchedulableContext', triggerId)])
        );
      }
    });
  return triggerId;
}

export function abortJob(ex: Execution, id: unknown): null {
  const jobId = String(id);
  const trigger = ex.org.database.sql
    .prepare('SELECT CronJobDetailId FROM "CronTrigger" WHERE Id = ?')
    .get(jobId) as { CronJobDetailId: string } | undefined;
  if (trigger) {
    ex.org.database.sql.prepare('DELETE FROM "CronTrigger" WHERE Id = ?').run(jobId);
    ex.org.database.sql.prepare('DELETE FROM "CronJobDetail" WHERE Id = ?').run(trigger.CronJobDetailId);
    ex.org.database.sql.prepare('DELETE FROM org_meta WHERE key = ?').run(`scheduled:${jobId}`);
    return null;
  }
  const removed = ex.asyncQueue.findIndex((work) => work.jobId === jobId);
  if (removed < 0) throw new PlatformError('System.StringException', `Invalid id: ${jobId}`);
  ex.asyncQueue.splice(removed, 1);
  return null;
}
