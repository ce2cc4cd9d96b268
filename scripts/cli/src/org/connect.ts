import type { Connection } from 'jsforce';
import { CliError } from '../errors';

/**
 * The org behind an alias or username, through the logins the `sf` CLI stores
 * (@salesforce/core AuthInfo/Org). Kept thin and separate so that everything after it is tested
 * against a local server with a plain jsforce Connection.
 */

export interface SfOrg {
  getConnection(): Connection;
  refreshAuth(): Promise<unknown>;
}

export type CreateOrg = (aliasOrUsername: string) => Promise<SfOrg>;

/** @salesforce/core is loaded only when an org is used: it is slow to import and reports from an export never need it. */
const createSfOrg: CreateOrg = async (aliasOrUsername) => {
  const { Org } = await import('@salesforce/core');
  const org = await Org.create({ aliasOrUsername });
  // @salesforce/core's Connection extends jsforce's; its declaration comes from its own jsforce copy.
  return org as unknown as SfOrg;
};

export async function connectToOrg(
  aliasOrUsername: string,
  createOrg: CreateOrg = createSfOrg
): Promise<Connection> {
  const login = `sf org login web --alias ${aliasOrUsername}`;
  let org: SfOrg;
  try {
    org = await createOrg(aliasOrUsername);
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (name === 'NamedOrgNotFoundError' || name === 'NoAuthInfoFound' || name === 'AuthInfoCreationError') {
      throw new CliError(
        `unknown org "${aliasOrUsername}": no sf CLI login has that alias or username (see sf org list; log in with ${login})`
      );
    }
    throw new CliError(`cannot open org "${aliasOrUsername}": ${firstLine(error)}`);
  }
  try {
    // Refreshes a stale access token now, so an expired login fails here with a clear message.
    await org.refreshAuth();
  } catch (error) {
    const text = `${(error as { name?: string }).name ?? ''} ${firstLine(error)}`;
    if (/expired|invalid_grant|RefreshToken|INVALID_SESSION_ID|revoked/i.test(text)) {
      throw new CliError(`the login for "${aliasOrUsername}" has expired: log in again with ${login}`);
    }
    throw new CliError(`cannot reach org "${aliasOrUsername}": ${firstLine(error)}`);
  }
  return org.getConnection();
}

function firstLine(error: unknown): string {
  return String((error as Error).message ?? error).split('\n')[0];
}
