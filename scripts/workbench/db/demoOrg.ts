import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { generateDemoOrg } from '../../demo/generateDemoOrg';
import { DEMO_OBJECT_ORDER, type DemoOrg as GeneratedOrg } from '../../demo/demoOrgTypes';
import type { IsoDate } from '../../../force-app/main/default/lwc/psmsEngine/records';
import { toSql, type SqlValue } from '../../org/database/storage';
import type { Clock } from '../../org/interpret/orgContext';
import { OrgRuntime } from '../../org/orgRuntime';
import type { ObjectDescribe } from '../../org/schema/describe';
import { formatAutoNumber } from '../../org/dml/platformBehaviour';

/**
 * The workbench's demo org: the local org runtime over a SQLite file, loaded with the package
 * and seeded once from the deterministic demo generator (users with roles that follow their
 * managers, each holding the PSMS permission set of their job). Seeding writes records
 * directly, as a data load with triggers bypassed would: the generator already made them
 * consistent, and the Apex then runs on every call the components make.
 */
export interface DemoUser {
  id: string;
  name: string;
  title: string;
  role: 'rep' | 'manager' | 'leadership' | 'admin';
  permissionSet: string;
}

export interface DemoOrg {
  runtime: OrgRuntime;
  seed: number;
  created: boolean;
  /** The day the demo's records were generated relative to (an older file: null). */
  generatedFor: IsoDate | null;
  /** One user per PSMS role, for the workbench's sign-in switcher. */
  users: DemoUser[];
  close(): void;
}

export interface DemoOrgOptions {
  root: string;
  path: string;
  seed: number;
  today: IsoDate;
  clock: Clock;
  reset?: boolean;
}

const PERMISSION_SETS: Record<DemoUser['role'], string> = {
  rep: 'PSMS_Partner_Rep',
  manager: 'PSMS_Partner_Manager',
  leadership: 'PSMS_Leadership',
  admin: 'PSMS_Admin'
};

export function openDemoOrg(options: DemoOrgOptions): DemoOrg {
  const release = holdDatabase(options.path);
  if (options.reset) refuseIfShared(options.path, '--reset');
  let runtime = load(options, options.reset ?? false);
  const stored = runtime.database.meta('demoSeed');
  const generator = generatorFingerprint(options.root);
  if (stored !== null && Number(stored) !== options.seed) {
    // Another seed's data: start over (the database is a cache of the generator's output).
    refuseIfShared(options.path, `--seed ${options.seed} (it holds seed ${stored})`);
    runtime.database.close();
    runtime = load(options, true);
  } else if (stored !== null && runtime.database.meta('demoGenerator') !== generator) {
    // Made by another version of the generator (an update since): its records may lack what
    // this version sets, so it is made again, as for another seed.
    refuseIfShared(options.path, 'a newer demo generator');
    runtime.database.close();
    runtime = load(options, true);
  }
  let created = false;
  if (runtime.database.meta('demoSeed') === null) {
    runtime.database.transaction(() => seed(runtime, generateDemoOrg(options.seed, options.today)));
    runtime.database.setMeta('demoSeed', String(options.seed));
    runtime.database.setMeta('demoGenerator', generator);
    runtime.database.setMeta('demoToday', options.today);
    created = true;
  }
  return {
    runtime,
    seed: options.seed,
    created,
    generatedFor: runtime.database.meta('demoToday'),
    users: JSON.parse(runtime.database.meta('demoUsers') ?? '[]') as DemoUser[],
    close: () => {
      runtime.database.close();
      release();
    }
  };
}

/**
 * Several workbenches may share one database file (ids are allocated inside each write), but
 * none may delete it under another: each process using the file leaves its pid beside it, and
 * a reset, or a seed change that would recreate the file, is refused while another is alive.
 */
function holdDatabase(path: string): () => void {
  if (path === ':memory:') return () => {};
  const dir = `${path}.users`;
  mkdirSync(dir, { recursive: true });
  const mine = join(dir, String(process.pid));
  writeFileSync(mine, new Date().toISOString());
  return () => rmSync(mine, { force: true });
}

function refuseIfShared(path: string, what: string): void {
  if (path === ':memory:') return;
  const dir = `${path}.users`;
  const others = (existsSync(dir) ? readdirSync(dir) : [])
    .map(Number)
    .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
    .filter((pid) => {
      if (alive(pid)) return true;
      rmSync(join(dir, String(pid)), { force: true });
      return false;
    });
  if (others.length > 0)
    throw new Error(
      `${what} would recreate ${path}, which another workbench (pid ${others.join(', ')}) is using: stop it first.`
    );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A digest of the demo generator's sources: what made a demo database, so an update remakes it. */
function generatorFingerprint(root: string): string {
  const digest = createHash('sha256');
  const files = [
    ...readdirSync(join(root, 'scripts', 'demo'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.includes('__tests__'))
      .map((file) => join(root, 'scripts', 'demo', file)),
    join(root, 'scripts', 'workbench', 'db', 'demoOrg.ts')
  ].sort();
  for (const file of files)
    digest.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return digest.digest('hex').slice(0, 16);
}

function load(options: DemoOrgOptions, reset: boolean): OrgRuntime {
  if (reset && options.path !== ':memory:' && existsSync(options.path)) rmSync(options.path);
  return OrgRuntime.load({
    root: options.root,
    sourceDirs: ['force-app'],
    databasePath: options.path,
    clock: options.clock
  });
}

/**
 * A record as a data load stores it (with the triggers bypassed): its known fields in their
 * stored form (`value` maps each given value first), audit dates of now, not deleted.
 */
export function loadedRow(
  target: ObjectDescribe,
  values: Record<string, unknown>,
  now: string,
  value: (given: unknown) => unknown = (given) => given
): Record<string, SqlValue> {
  const row: Record<string, SqlValue> = {
    CreatedDate: now,
    LastModifiedDate: now,
    SystemModstamp: now,
    IsDeleted: 0
  };
  for (const [name, given] of Object.entries(values)) {
    const field = target.field(name);
    if (field) row[field.name] = toSql(field, value(given));
  }
  return row;
}

function seed(runtime: OrgRuntime, org: GeneratedOrg): void {
  const { database, schema } = runtime;
  const object = (name: string): ObjectDescribe => {
    const found = schema.object(name);
    if (!found) throw new Error(`the runtime has no object ${name}`);
    return found;
  };
  // Generator ids → ids with the runtime's key prefixes, so every reference resolves.
  const ids = new Map<string, string>();
  for (const name of DEMO_OBJECT_ORDER) {
    const records = org.records[name] as { Id: string }[];
    const allocated = database.allocateIds(object(name), records.length);
    records.forEach((record, i) => ids.set(record.Id, allocated[i]));
  }
  const users = org.records.User;
  const roles = new Map<string, string>();
  const roleObject = object('UserRole');
  const roleIds = database.allocateIds(roleObject, users.length);
  const standardProfile = runtime.profileId('Standard User');
  const now = runtime.clock.now().toIso();
  const rows = (target: ObjectDescribe, records: Record<string, unknown>[]): Record<string, SqlValue>[] =>
    records.map((record) => {
      const row = loadedRow(target, record, now, (value) =>
        typeof value === 'string' ? (ids.get(value) ?? value) : value
      );
      // An auto-number Name is the org's to give, on a data load too (REG-00042): the generator leaves it out.
      const autoName = target.field('Name')?.autoNumberFormat;
      if (autoName && row.Name == null)
        row.Name = formatAutoNumber(autoName, database.nextAutoNumber(target, 'Name'));
      return row;
    });
  users.forEach((user, i) => roles.set(user.Id, roleIds[i]));
  database.insert(
    roleObject,
    rows(
      roleObject,
      users.map((user, i) => ({
        Id: roleIds[i],
        Name: `${user.Title ?? 'User'} (${user.Name})`,
        DeveloperName: `Role_${i + 1}`,
        ParentRoleId: user.ManagerId ? roles.get(user.ManagerId) : null
      }))
    )
  );
  const userObject = object('User');
  database.insert(
    userObject,
    rows(
      userObject,
      users.map((user, i) => {
        const [first, ...last] = String(user.Name).split(' ');
        const username = `${String(user.Name)
          .toLowerCase()
          .replace(/[^a-z]+/g, '.')}@psms.demo`;
        return {
          Id: user.Id,
          Username: username,
          FirstName: first,
          LastName: last.join(' ') || first,
          Name: user.Name,
          Title: user.Title ?? null,
          Alias: `u${i + 1}`,
          Email: username,
          EmailEncodingKey: 'UTF-8',
          LanguageLocaleKey: 'en_US',
          LocaleSidKey: 'en_US',
          TimeZoneSidKey: 'GMT',
          ProfileId: standardProfile,
          UserRoleId: roles.get(user.Id),
          ManagerId: user.ManagerId,
          IsActive: true,
          UserType: 'Standard'
        };
      })
    )
  );
  for (const name of DEMO_OBJECT_ORDER) {
    if (name === 'User') continue;
    const target = object(name);
    database.insert(target, rows(target, org.records[name] as unknown as Record<string, unknown>[]));
  }
  assignRoles(runtime, org, ids);
}

/** Each demo user gets the permission set of their job; the runtime's admin is the PSMS admin. */
function assignRoles(runtime: OrgRuntime, org: GeneratedOrg, ids: Map<string, string>): void {
  const job = (title: string | null | undefined): DemoUser['role'] => {
    if (!title) return 'rep';
    if (/^VP|Director/.test(title)) return 'leadership';
    if (/Manager$/.test(title) && !/Account Manager/.test(title)) return 'manager';
    return 'rep';
  };
  const assignment = runtime.schema.object('PermissionSetAssignment');
  if (!assignment) throw new Error('the runtime has no PermissionSetAssignment');
  const people: DemoUser[] = org.records.User.map((user) => {
    const role = job(user.Title);
    return {
      id: ids.get(user.Id) ?? user.Id,
      name: user.Name ?? '',
      title: user.Title ?? '',
      role,
      permissionSet: PERMISSION_SETS[role]
    };
  });
  const admin: DemoUser = {
    id: runtime.adminUserId,
    name: 'Local Admin',
    title: 'PSMS Administrator',
    role: 'admin',
    permissionSet: PERMISSION_SETS.admin
  };
  const everyone = [...people, admin];
  const assignmentIds = runtime.database.allocateIds(assignment, everyone.length);
  runtime.database.insert(
    assignment,
    everyone.map((person, i) => ({
      Id: assignmentIds[i],
      AssigneeId: person.id,
      PermissionSetId: runtime.permissionSetId(person.permissionSet),
      CreatedDate: runtime.clock.now().toIso(),
      IsDeleted: 0
    }))
  );
  // The sign-in switcher offers the head of partner sales and the first of each other job.
  const head = people.find((p) => ids.get(org.currentUserId) === p.id);
  const pick = (role: DemoUser['role']): DemoUser | undefined =>
    people.find((p) => p.role === role && /Partner/.test(p.title));
  const switcher = [pick('rep'), pick('manager'), head, admin].filter((p): p is DemoUser => p !== undefined);
  runtime.database.setMeta('demoUsers', JSON.stringify(switcher));
}
