import type { JsonValue } from '../../org/interpret/serialize';
import { ApexList } from '../../org/interpret/values/collections';
import { SObject } from '../../org/interpret/values/sobject';
import type { DemoOrg } from '../db/demoOrg';
import { SessionError } from './session';

/**
 * What the workbench offers beside the product's own pages: an opportunity picker (the org's
 * records as the signed-in user sees them) and running PSMS's scheduled jobs now, as an admin
 * would from anonymous Apex, so the demo can show an expiry or a fresh snapshot without waiting
 * for the schedule.
 */
export function listOpportunities(
  org: DemoOrg,
  userId: string,
  body: Record<string, JsonValue>
): { Id: string; Name: string }[] {
  const term = typeof body.term === 'string' ? body.term.slice(0, 80) : '';
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { runtime } = org;
  return runtime.transaction({ userId }, (ex) => {
    const query = runtime.services.soql.parse(
      'SELECT Id, Name FROM Opportunity WHERE Name LIKE :pattern WITH USER_MODE ORDER BY IsClosed, Name LIMIT 25'
    );
    const rows = runtime.services.soql.run(ex, query, () => pattern) as ApexList;
    return rows.items.map((row) => ({
      Id: (row as SObject).id ?? '',
      Name: String((row as SObject).peek('Name') ?? '')
    }));
  });
}

const JOBS: Record<string, string> = {
  expiry: 'Database.executeBatch(new RegistrationExpiryJob(), 200);',
  snapshot: 'OpportunitySnapshotJob.runNow();',
  retention: 'Database.executeBatch(new SnapshotRetentionJob(), 2000);'
};

export function runJob(org: DemoOrg, body: Record<string, JsonValue>): { job: string; ran: boolean } {
  const job = typeof body.job === 'string' ? body.job : '';
  const code = JOBS[job];
  if (!code) throw new SessionError(`Run one of the jobs: ${Object.keys(JOBS).join(', ')}.`);
  org.runtime.executeAnonymous(code);
  return { job, ran: true };
}
