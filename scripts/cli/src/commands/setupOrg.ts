import { CliError, UsageError } from '../errors';
import type { OrgClient } from '../org/orgClient';
import { SETTINGS_TYPES } from '../org/orgSettings';
import { restQuery } from '../org/restQuery';
import { didYouMean } from '../suggest';

/**
 * `psms setup`: permission set assignments, the scheduled jobs, the first snapshot and a settings
 * check. Idempotent: assignments that exist are left alone, and the setup tab's Apex
 * (PsmsSetupController.setUpInstall) replaces its own schedules and takes a snapshot only when
 * none exists.
 *
 * Salesforce runs a scheduled job as the user who scheduled it, and Apex cannot schedule for
 * anyone else. So with `--job-user <username>` psms schedules the jobs in a session of that user
 * (their own sf login), after checking it is that user in the same org; without it the jobs run
 * as the user running setup. Either way the result says whom they run as.
 */

export const PERMISSION_SETS = [
  'PSMS_Partner_Rep',
  'PSMS_Partner_Manager',
  'PSMS_Leadership',
  'PSMS_Admin'
] as const;

export interface Assignment {
  permissionSet: string;
  username: string;
}

export interface SetupResult {
  assignments: (Assignment & { status: 'added' | 'already assigned' })[];
  jobsScheduled: boolean;
  /** The username the jobs run as: the job user, or the user running setup. */
  jobsRunAs: string;
  settings: { type: string; records: number }[];
}

/** `--job-user`: the dedicated user the jobs run as, and how to open a session as them. */
export interface JobUser {
  username: string;
  client: () => Promise<OrgClient>;
}

/** The permission set the job user needs: the setup Apex reads the install's health in user mode. */
export const JOB_USER_PERMISSION_SET = 'PSMS_Admin';

/**
 * `--assign PSMS_Partner_Manager=a@x.com,b@x.com` (repeatable; a comma-separated item with `=`
 * starts the next permission set, so `A=u1,B=u2` works too).
 */
export function parseAssignments(values: readonly string[]): Assignment[] {
  const assignments: Assignment[] = [];
  for (const value of values) {
    let permissionSet: string | undefined;
    for (const item of value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')) {
      const equals = item.indexOf('=');
      let username = item;
      if (equals !== -1) {
        permissionSet = item.slice(0, equals).trim();
        username = item.slice(equals + 1).trim();
        if (!(PERMISSION_SETS as readonly string[]).includes(permissionSet)) {
          throw new UsageError(
            `setup: --assign: unknown permission set "${permissionSet}"${didYouMean(permissionSet, PERMISSION_SETS)}; one of ${PERMISSION_SETS.join(', ')}`
          );
        }
      }
      if (permissionSet === undefined || username === '') {
        throw new UsageError(`setup: --assign expects PermissionSet=username[,username...], not "${value}"`);
      }
      assignments.push({ permissionSet, username });
    }
  }
  return assignments;
}

const quoted = (values: Iterable<string>) =>
  [...new Set(values)].map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ');

async function select(client: OrgClient, soql: string, fields: string[]): Promise<string[][]> {
  const rows: string[][] = [];
  await restQuery(client, soql, fields, (values) => rows.push(values));
  return rows;
}

async function assign(client: OrgClient, wanted: Assignment[]): Promise<SetupResult['assignments']> {
  if (wanted.length === 0) return [];
  const sets = new Map(
    (
      await select(
        client,
        `SELECT Id, Name FROM PermissionSet WHERE Name IN (${quoted(wanted.map((a) => a.permissionSet))})`,
        ['Id', 'Name']
      )
    ).map(([id, name]) => [name, id])
  );
  const users = new Map(
    (
      await select(
        client,
        `SELECT Id, Username FROM User WHERE Username IN (${quoted(wanted.map((a) => a.username))})`,
        ['Id', 'Username']
      )
    ).map(([id, name]) => [name.toLowerCase(), id])
  );
  for (const { permissionSet, username } of wanted) {
    if (!sets.has(permissionSet))
      throw new CliError(
        `setup: permission set ${permissionSet} is not in the org: deploy or install PSMS first`
      );
    if (!users.has(username.toLowerCase()))
      throw new CliError(`setup: no user with username ${username} in the org`);
  }
  const existing = new Set(
    (
      await select(
        client,
        `SELECT AssigneeId, PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId IN (${quoted(users.values())}) AND PermissionSetId IN (${quoted(sets.values())})`,
        ['AssigneeId', 'PermissionSetId']
      )
    ).map(([user, set]) => `${user}|${set}`)
  );
  const result: SetupResult['assignments'] = [];
  const toAdd: { AssigneeId: string; PermissionSetId: string; assignment: Assignment }[] = [];
  for (const assignment of wanted) {
    const AssigneeId = users.get(assignment.username.toLowerCase()) ?? '';
    const PermissionSetId = sets.get(assignment.permissionSet) ?? '';
    const key = `${AssigneeId}|${PermissionSetId}`;
    if (existing.has(key)) {
      result.push({ ...assignment, status: 'already assigned' });
    } else {
      existing.add(key);
      toAdd.push({ AssigneeId, PermissionSetId, assignment });
      result.push({ ...assignment, status: 'added' });
    }
  }
  // The composite sObject collection inserts up to 200 records per request.
  for (let i = 0; i < toAdd.length; i += 200) {
    const batch = toAdd.slice(i, i + 200);
    const saved = await client.json<{ success: boolean; errors: { message: string }[] }[]>(
      'POST',
      `${client.apiBase}/composite/sobjects`,
      {
        allOrNone: false,
        records: batch.map(({ AssigneeId, PermissionSetId }) => ({
          attributes: { type: 'PermissionSetAssignment' },
          AssigneeId,
          PermissionSetId
        }))
      }
    );
    saved.forEach((outcome, j) => {
      if (!outcome.success) {
        const { permissionSet, username } = batch[j].assignment;
        throw new CliError(
          `setup: assigning ${permissionSet} to ${username} failed: ${outcome.errors.map((e) => e.message).join('; ')}`
        );
      }
    });
  }
  return result;
}

interface AnonymousResult {
  compiled: boolean;
  success: boolean;
  compileProblem: string | null;
  exceptionMessage: string | null;
}

/**
 * Tooling API executeAnonymous of PsmsSetupController.setUpInstall(), the Apex behind the PSMS
 * Setup tab's fixes: it schedules the jobs and, when no snapshot exists yet, takes the first.
 */
export const SET_UP_INSTALL = 'PsmsSetupController.setUpInstall();';

export async function scheduleJobs(client: OrgClient): Promise<void> {
  const body = SET_UP_INSTALL;
  const result = await client.json<AnonymousResult>(
    'GET',
    `${client.apiBase}/tooling/executeAnonymous/?anonymousBody=${encodeURIComponent(body)}`
  );
  if (!result.compiled)
    throw new CliError(
      `setup: PsmsSetupController.setUpInstall() did not compile (is PSMS deployed?): ${result.compileProblem ?? ''}`
    );
  if (!result.success)
    throw new CliError(`setup: PsmsSetupController.setUpInstall() failed: ${result.exceptionMessage ?? ''}`);
}

interface Identity {
  username: string;
  organizationId: string;
}

async function whoIs(client: OrgClient): Promise<Identity> {
  const info = await client.json<{ preferred_username?: string; organization_id?: string }>(
    'GET',
    '/services/oauth2/userinfo'
  );
  if (!info.preferred_username || !info.organization_id)
    throw new CliError('setup: the org did not say who the running user is');
  return { username: info.preferred_username, organizationId: info.organization_id };
}

/** A session of the job user in the same org, or a one-line reason why there is none. */
async function jobUserSession(jobUser: JobUser, admin: Identity): Promise<OrgClient> {
  const named = `setup: --job-user ${jobUser.username}`;
  let client: OrgClient;
  try {
    client = await jobUser.client();
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    throw new CliError(
      `${named}: ${error.message}. Scheduled jobs run as the user who schedules them, so psms schedules them in that user's own session: log in as them once (sf org login jwt --username ${jobUser.username} ..., or sf org login web) and run setup again`
    );
  }
  const them = await whoIs(client);
  if (them.organizationId !== admin.organizationId)
    throw new CliError(
      `${named}: that login is to another org (${them.organizationId}, not ${admin.organizationId})`
    );
  if (them.username.toLowerCase() !== jobUser.username.toLowerCase())
    throw new CliError(`${named}: the sf login of that name is ${them.username}'s`);
  return client;
}

export async function setupOrg(
  client: OrgClient,
  assignments: Assignment[],
  jobUser?: JobUser
): Promise<SetupResult> {
  const settings: SetupResult['settings'] = [];
  for (const type of SETTINGS_TYPES) {
    settings.push({
      type,
      records: (await select(client, `SELECT DeveloperName FROM ${type}`, ['DeveloperName'])).length
    });
  }
  const missing = settings.filter((s) => s.records === 0).map((s) => s.type);
  if (missing.length > 0)
    throw new CliError(
      `setup: no ${missing.join(', ')} records in the org: deploy or install PSMS with its custom metadata`
    );
  const admin = await whoIs(client);
  const jobUserSet = jobUser
    ? [{ permissionSet: JOB_USER_PERMISSION_SET, username: jobUser.username }].filter(
        (wanted) =>
          !assignments.some(
            (a) =>
              a.permissionSet === wanted.permissionSet &&
              a.username.toLowerCase() === wanted.username.toLowerCase()
          )
      )
    : [];
  const added = await assign(client, [...assignments, ...jobUserSet]);
  const scheduler = jobUser ? await jobUserSession(jobUser, admin) : client;
  await scheduleJobs(scheduler);
  return {
    assignments: added,
    jobsScheduled: true,
    jobsRunAs: jobUser ? jobUser.username : admin.username,
    settings
  };
}
