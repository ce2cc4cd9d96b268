import { join, resolve } from 'node:path';
import { OrgDatabase } from './database/orgDatabase';
import { rowToRecord } from './database/records';
import { toSql } from './database/storage';
import { PlatformDml } from './dml/dmlEngine';
import type { PackageTrigger } from './dml/triggers';
import { ValidationRules } from './dml/validationRules';
import { ApexThrow } from './interpret/apexThrow';
import { ClassRegistry } from './interpret/classRegistry';
import { Compiler } from './interpret/compiler';
import { Execution } from './interpret/execution';
import type { Clock, OrgContext } from './interpret/orgContext';
import type { LimitCounts } from './limits/governorLimits';
import type { RuntimeClass } from './interpret/runtimeClass';
import { installSystemLibrary } from './interpret/system/library';
import { Decimal } from './interpret/values/numbers';
import { SObject } from './interpret/values/sobject';
import { ApexDate, ApexDatetime } from './interpret/values/temporal';
import type { OrgServices, PackageData } from './orgServices';
import { loadApexSources, type ApexSource } from './parse/loadSources';
import { parseApexAnonymous } from './parse/parseApex';
import { loadPackageContent, type PackageContent } from './parse/packageData';
import { PlatformError } from './platformError';
import type { ObjectDescribe } from './schema/describe';
import { loadOrgSchema, type OrgSchema } from './schema/orgSchema';
import { OPPORTUNITY_STAGES } from './schema/opportunityStages';
import { loadPermissionSets, platformProfiles, type Grant } from './security/permissionSets';
import { PlatformSecurity } from './security/securityService';
import { PlatformSoql } from './soql/soqlService';
import type { CoverageRecorder } from './testing/coverage';
import { runQueuedAsync } from './interpret/system/systemClasses';

/**
 * The local org: a package's source (Apex, objects, permission sets, labels, custom metadata,
 * static resources) loaded over a SQLite database, ready to run Apex transactions as any of its
 * users. It stands in for a scratch org where none is reachable; it executes the package, it
 * does not imitate it.
 */
export interface RuntimeOptions {
  /** The project root (file names in errors and coverage are relative to it). */
  root: string;
  /** SFDX source folders, e.g. ['force-app']. */
  sourceDirs: string[];
  /** SQLite file, or ':memory:'. */
  databasePath: string;
  reset?: boolean;
  /** Where parsed Apex is cached; null to parse every time. */
  cacheDir?: string | null;
  clock?: Clock;
  fiscalYearStartMonth?: number;
  coverage?: CoverageRecorder | null;
}

export interface TransactionOptions {
  userId: string;
  isTest?: boolean;
  async?: boolean;
}

export const ADMIN_USERNAME = 'admin@psms.local';

export const systemClock: Clock = {
  now: () => new ApexDatetime(Date.now()),
  today: () => new ApexDatetime(Date.now()).date()
};

export class OrgRuntime implements OrgContext {
  readonly registry: ClassRegistry;
  readonly compiler: Compiler;
  readonly services: OrgServices;
  readonly security: PlatformSecurity;
  readonly triggers = new Map<string, PackageTrigger[]>();
  readonly sources: ApexSource[];
  readonly rules: ValidationRules;
  clock: Clock;
  onAsyncStep: ((used: LimitCounts) => void) | null = null;

  private constructor(
    readonly options: RuntimeOptions,
    readonly schema: OrgSchema,
    readonly database: OrgDatabase,
    readonly content: PackageContent,
    readonly grants: Grant[]
  ) {
    this.clock = options.clock ?? systemClock;
    this.registry = new ClassRegistry(schema);
    installSystemLibrary(this.registry);
    this.sources = loadApexSources(
      options.root,
      options.sourceDirs,
      options.cacheDir === undefined ? join(options.root, '.psms', 'org-cache') : options.cacheDir
    );
    for (const source of this.sources) {
      if (source.unit.kind === 'trigger') {
        const key = source.unit.object.toLowerCase();
        this.triggers.set(key, [...(this.triggers.get(key) ?? []), { decl: source.unit, file: source.file }]);
      } else this.registry.declare(source.unit, source.file);
      options.coverage?.register(source.file, source.unit);
    }
    this.compiler = new Compiler(this.registry, options.coverage ?? null);
    this.security = new PlatformSecurity(database, grants);
    this.rules = new ValidationRules(schema);
    this.rules.compileAll();
    this.services = {
      soql: new PlatformSoql(this.security),
      dml: new PlatformDml(this.security, this.rules, this.triggers),
      security: this.security,
      packageData: this.packageData()
    };
  }

  static load(options: RuntimeOptions): OrgRuntime {
    const root = resolve(options.root);
    const sourceDirs = options.sourceDirs.map((dir) => resolve(root, dir));
    const schema = loadOrgSchema(sourceDirs);
    const database = OrgDatabase.open(schema, { path: options.databasePath, reset: options.reset });
    const content = loadPackageContent(sourceDirs);
    const grants = [...platformProfiles(), ...loadPermissionSets(sourceDirs)];
    const runtime = new OrgRuntime({ ...options, root, sourceDirs }, schema, database, content, grants);
    runtime.bootstrap();
    return runtime;
  }

  /** Every class's declarations are resolved now, so a type error surfaces at load, not mid-transaction. */
  linkAll(): void {
    for (const cls of this.registry.top.values()) this.linkDeep(cls);
  }

  private linkDeep(cls: RuntimeClass): void {
    this.registry.link(cls);
    for (const inner of cls.inner.values()) this.linkDeep(inner);
  }

  private packageData(): PackageData {
    return {
      label: (name) => this.content.labels.get(name.toLowerCase())?.value,
      customMetadata: (object) => {
        const rows = this.database.sql
          .prepare(`SELECT * FROM "${object.name}" ORDER BY DeveloperName`)
          .all() as Record<string, string>[];
        return rows.map((row) => rowToRecord(object, row));
      }
    };
  }

  // ---- the org's own records ---------------------------------------------------------------

  get adminUserId(): string {
    const row = this.database.sql.prepare('SELECT Id FROM "User" WHERE Username = ?').get(ADMIN_USERNAME) as
      { Id: string } | undefined;
    if (!row) throw new Error('the local org has no admin user');
    return row.Id;
  }

  profileId(name: string): string {
    const row = this.database.sql.prepare('SELECT Id FROM "Profile" WHERE Name = ?').get(name) as
      { Id: string } | undefined;
    if (!row) throw new Error(`the local org has no profile ${name}`);
    return row.Id;
  }

  permissionSetId(name: string): string {
    const row = this.database.sql.prepare('SELECT Id FROM "PermissionSet" WHERE Name = ?').get(name) as
      { Id: string } | undefined;
    if (!row) throw new Error(`the local org has no permission set ${name}`);
    return row.Id;
  }

  /**
   * What a new org has before any package data: the organization, its profiles, an admin user
   * and the sales stages; then what the package deploys (permission sets, class records, custom
   * metadata, static resources), refreshed on every load so the org follows the source.
   */
  private bootstrap(): void {
    this.database.transaction(() => {
      if (!this.database.meta('bootstrapped')) {
        const org = this.object('Organization');
        const [orgId] = this.database.allocateIds(org, 1);
        this.insertRow(org, {
          Id: orgId,
          Name: 'PSMS Local Org',
          FiscalYearStartMonth: this.options.fiscalYearStartMonth ?? 1,
          UsesStartDateAsFiscalYearName: false,
          TimeZoneSidKey: 'GMT',
          DefaultLocaleSidKey: 'en_US',
          LanguageLocaleKey: 'en_US',
          OrganizationType: 'Developer Edition',
          IsSandbox: false
        });
        const profile = this.object('Profile');
        for (const grant of platformProfiles()) {
          const [id] = this.database.allocateIds(profile, 1);
          this.insertRow(profile, {
            Id: id,
            Name: grant.name,
            UserType: 'Standard',
            PermissionsViewAllData: grant.viewAllData,
            PermissionsModifyAllData: grant.modifyAllData
          });
        }
        const user = this.object('User');
        const [adminId] = this.database.allocateIds(user, 1);
        this.insertRow(user, {
          Id: adminId,
          Username: ADMIN_USERNAME,
          LastName: 'Admin',
          FirstName: 'Local',
          Name: 'Local Admin',
          Alias: 'ladmin',
          Email: ADMIN_USERNAME,
          EmailEncodingKey: 'UTF-8',
          LanguageLocaleKey: 'en_US',
          LocaleSidKey: 'en_US',
          TimeZoneSidKey: 'GMT',
          ProfileId: this.profileId('System Administrator'),
          IsActive: true,
          UserType: 'Standard'
        });
        const stage = this.object('OpportunityStage');
        OPPORTUNITY_STAGES.forEach((s, i) => {
          const [id] = this.database.allocateIds(stage, 1);
          this.insertRow(stage, {
            Id: id,
            MasterLabel: s.name,
            ApiName: s.name,
            DefaultProbability: s.probability,
            ForecastCategoryName: s.forecastCategory,
            IsClosed: s.closed,
            IsWon: s.won,
            IsActive: true,
            SortOrder: i + 1
          });
        });
        this.database.setMeta('bootstrapped', 'yes');
      }
      this.deployPackageRecords();
    });
  }

  private deployPackageRecords(): void {
    const permissionSet = this.object('PermissionSet');
    for (const grant of this.grants.filter((g) => !platformProfiles().some((p) => p.name === g.name))) {
      const existing = this.database.sql
        .prepare('SELECT Id FROM "PermissionSet" WHERE Name = ?')
        .get(grant.name) as { Id: string } | undefined;
      if (existing) continue;
      const [id] = this.database.allocateIds(permissionSet, 1);
      this.insertRow(permissionSet, {
        Id: id,
        Name: grant.name,
        Label: grant.label,
        IsOwnedByProfile: false
      });
    }
    const apexClass = this.object('ApexClass');
    this.database.sql.exec('DELETE FROM "ApexClass"');
    for (const cls of this.registry.top.values()) {
      const [id] = this.database.allocateIds(apexClass, 1);
      this.insertRow(apexClass, { Id: id, Name: cls.name, Status: 'Active' });
    }
    for (const object of this.schema.objects().filter((o) => o.customMetadata)) {
      this.database.sql.exec(`DELETE FROM "${object.name}"`);
      const records = this.content.customMetadata.get(object.name.slice(0, -5).toLowerCase()) ?? [];
      for (const record of records) {
        const [id] = this.database.allocateIds(object, 1);
        const row: Record<string, unknown> = {
          Id: id,
          DeveloperName: record.developerName,
          MasterLabel: record.label,
          Label: record.label,
          QualifiedApiName: record.developerName
        };
        for (const [field, value] of Object.entries(record.values)) {
          const describe = object.field(field);
          if (!describe)
            throw new Error(
              `custom metadata ${record.type}.${record.developerName}: no field ${field} on ${object.name}`
            );
          row[describe.name] = metadataValue(describe.type, value);
        }
        this.insertRow(object, row);
      }
    }
    const resource = this.object('StaticResource');
    this.database.sql.exec('DELETE FROM "StaticResource"');
    for (const file of this.content.staticResources) {
      const [id] = this.database.allocateIds(resource, 1);
      this.insertRow(resource, {
        Id: id,
        Name: file.name,
        ContentType: file.contentType,
        Body: file.body,
        BodyLength: file.body.length
      });
    }
  }

  private object(name: string): ObjectDescribe {
    const object = this.schema.object(name);
    if (!object) throw new Error(`the runtime's schema has no ${name}`);
    return object;
  }

  /** Writes a record directly (the org's own set-up data, never package DML). */
  insertRow(object: ObjectDescribe, values: Record<string, unknown>): void {
    const now = this.clock.now();
    const record = new SObject(object);
    record.set('CreatedDate', now);
    record.set('LastModifiedDate', now);
    record.set('SystemModstamp', now);
    record.set('IsDeleted', false);
    for (const [field, value] of Object.entries(values)) record.set(field, value);
    const row: Record<string, import('./database/storage').SqlValue> = {};
    for (const field of object.fields.values()) {
      if (field.calculated) continue;
      row[field.name] = toSql(field, record.peek(field.name) ?? null);
    }
    this.database.insert(object, [row]);
  }

  // ---- transactions --------------------------------------------------------------------------

  /**
   * Runs `work` as one Apex transaction: committed when it returns, rolled back when it throws.
   * Async work it queued then runs, each job in a transaction of its own (in a test, async work
   * runs at Test.stopTest instead).
   */
  transaction<T>(options: TransactionOptions, work: (ex: Execution) => T): T {
    const ex = new Execution(this, options.userId, { isTest: options.isTest, async: options.async });
    const result = this.database.transaction(() => work(ex));
    if (!options.isTest) this.runAsync(ex);
    return result;
  }

  private runAsync(ex: Execution): void {
    while (ex.asyncQueue.length > 0) {
      const job = ex.asyncQueue.shift();
      if (!job) break;
      this.transaction({ userId: ex.userId, async: true }, (runner) => {
        job.run(runner);
        runQueuedAsync(runner);
      });
    }
  }

  /**
   * Runs anonymous Apex as a user (`sf apex run`): committed when it completes, rolled back when
   * it throws; returns its debug log. `isTest` runs it as test code (System.runAs allowed).
   */
  executeAnonymous(
    source: string,
    userId = this.adminUserId,
    options: { isTest?: boolean; rollback?: boolean } = {}
  ): string[] {
    const block = parseApexAnonymous('anonymous.apex', source);
    const body = this.compiler.anonymous(block, 'anonymous.apex');
    const run = (): string[] =>
      this.transaction({ userId, isTest: options.isTest }, (ex) => {
        if (options.isTest) ex.test = { started: false, stopped: false, outerLimits: null };
        // executeAnonymous always runs with the sharing rules of the current user.
        ex.runBody('AnonymousBlock', null, null, true, body, [], 1);
        return ex.debugLog;
      });
    return options.rollback ? this.database.rolledBack(run) : run();
  }

  /** The class a name refers to, for entry points (Aura calls, tests, scheduled jobs). */
  topClass(name: string): RuntimeClass | undefined {
    const cls = this.registry.top.get(name.toLowerCase());
    return cls ? this.registry.link(cls) : undefined;
  }
}

function metadataValue(type: string, value: string | number | boolean | null): unknown {
  if (value === null) return null;
  switch (type) {
    case 'double':
    case 'currency':
    case 'percent':
      return new Decimal(Number(value));
    case 'integer':
    case 'long':
      return Number(value);
    case 'boolean':
      return value === true || value === 'true';
    case 'date':
      return ApexDate.parse(String(value));
    case 'datetime':
      return ApexDatetime.parse(String(value));
    default:
      return String(value);
  }
}

export { ApexThrow, PlatformError };
