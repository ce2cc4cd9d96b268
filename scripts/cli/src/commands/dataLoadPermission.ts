import { CliError } from '../errors';
import type { OrgClient } from '../org/orgClient';
import { restQuery } from '../org/restQuery';

/**
 * PSMS_Data_Load is temporary (README, security model): it switches the PSMS triggers off for its
 * holder, so it is held for the length of a data load and no longer. `psms seed` loads records
 * in states the lifecycle reaches only over time (approved registrations with their keys), as a
 * data load: this assigns the set to the running user for the load and removes the assignment
 * when the load ends, however it ends. A user who already held it keeps it untouched.
 */
export const DATA_LOAD_PERMISSION_SET = 'PSMS_Data_Load';

async function firstValues(client: OrgClient, soql: string, fields: string[]): Promise<string[] | undefined> {
  let first: string[] | undefined;
  await restQuery(client, soql, fields, (values) => {
    first ??= values;
  });
  return first;
}

export async function withDataLoadPermission<T>(
  client: OrgClient,
  userId: string,
  load: () => Promise<T>
): Promise<T> {
  const set = await firstValues(
    client,
    `SELECT Id FROM PermissionSet WHERE Name = '${DATA_LOAD_PERMISSION_SET}'`,
    ['Id']
  );
  if (set === undefined)
    throw new CliError(
      `permission set ${DATA_LOAD_PERMISSION_SET} is not in the org: deploy or install PSMS first`
    );
  const [permissionSetId] = set;
  if (!/^[a-zA-Z0-9]{15,18}$/.test(userId)) throw new CliError(`not a user id: ${userId}`);
  const held = await firstValues(
    client,
    `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = '${userId}' AND PermissionSetId = '${permissionSetId}'`,
    ['Id']
  );
  if (held !== undefined) return load();
  const assignment = await client.json<{ id?: string; success?: boolean }>(
    'POST',
    `${client.apiBase}/sobjects/PermissionSetAssignment`,
    { AssigneeId: userId, PermissionSetId: permissionSetId }
  );
  if (!assignment.id) throw new CliError(`assigning ${DATA_LOAD_PERMISSION_SET} for the load failed`);
  try {
    return await load();
  } finally {
    await client.request('DELETE', `${client.apiBase}/sobjects/PermissionSetAssignment/${assignment.id}`);
  }
}
