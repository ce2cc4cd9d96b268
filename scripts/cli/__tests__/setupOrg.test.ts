import { Connection } from 'jsforce';
import { CliError } from '../src/errors';
import { OrgClient } from '../src/org/orgClient';
import { SET_UP_INSTALL, setupOrg } from '../src/commands/setupOrg';
import { API, startFakeOrg, type FakeOrg, type FakeRequest } from './helpers/fakeSalesforce';

const NO_WAIT = { sleep: async () => undefined };

/** Who each session (access token) is: the admin running setup, and the jobs user's own login. */
const SESSIONS: Record<string, { preferred_username: string; organization_id: string }> = {
  'Bearer token-1': { preferred_username: 'admin@example.com', organization_id: '00D000000000001AAA' },
  'Bearer token-jobs': { preferred_username: 'jobs@example.com', organization_id: '00D000000000001AAA' },
  'Bearer token-elsewhere': { preferred_username: 'jobs@example.com', organization_id: '00D000000000002AAA' }
};

/** An org with PSMS installed: settings records, the permission sets, one user, no assignments. */
function installedOrg(
  anonymous: (
    body: string,
    session: string
  ) => {
    compiled: boolean;
    success: boolean;
    compileProblem?: string;
    exceptionMessage?: string;
  }
) {
  return (request: FakeRequest) => {
    if (request.path === '/services/oauth2/userinfo') {
      return { json: SESSIONS[request.authorization] };
    }
    if (request.path.startsWith(`${API}/tooling/executeAnonymous`)) {
      return {
        json: {
          compileProblem: null,
          exceptionMessage: null,
          ...anonymous(request.query.get('anonymousBody') ?? '', request.authorization)
        }
      };
    }
    if (request.path === `${API}/composite/sobjects`) {
      const records = (JSON.parse(request.body) as { records: unknown[] }).records;
      return { json: records.map(() => ({ success: true, errors: [] })) };
    }
    const soql = request.query.get('q') ?? '';
    const records = soql.includes('FROM PermissionSet WHERE')
      ? [{ Id: '0PS000000000001AAA', Name: 'PSMS_Admin' }]
      : soql.includes('FROM User ')
        ? [
            { Id: '005000000000001AAA', Username: 'ops@example.com' },
            { Id: '005000000000002AAA', Username: 'jobs@example.com' }
          ]
        : soql.includes('FROM PermissionSetAssignment')
          ? []
          : [{ DeveloperName: 'Default' }];
    return { json: { totalSize: records.length, done: true, records } };
  };
}

describe('psms setup', () => {
  let org: FakeOrg | undefined;
  afterEach(async () => {
    await org?.close();
    org = undefined;
  });

  it('runs the setup tab’s Apex (schedule the jobs, first snapshot) rather than logic of its own', async () => {
    const bodies: string[] = [];
    org = await startFakeOrg(
      installedOrg((body) => {
        bodies.push(body);
        return { compiled: true, success: true };
      })
    );
    const result = await setupOrg(new OrgClient(org.connection(), NO_WAIT), [
      { permissionSet: 'PSMS_Admin', username: 'ops@example.com' }
    ]);
    expect(bodies).toEqual(['PsmsSetupController.setUpInstall();']);
    expect(SET_UP_INSTALL).toBe('PsmsSetupController.setUpInstall();');
    expect(result.jobsScheduled).toBe(true);
    expect(result.assignments).toEqual([
      { permissionSet: 'PSMS_Admin', username: 'ops@example.com', status: 'added' }
    ]);
  });

  it('without --job-user the jobs run as the user running setup, and the result says so', async () => {
    org = await startFakeOrg(installedOrg(() => ({ compiled: true, success: true })));
    const result = await setupOrg(new OrgClient(org.connection(), NO_WAIT), []);
    expect(result.jobsRunAs).toBe('admin@example.com');
  });

  it('--job-user: PSMS_Admin for that user, then the jobs are scheduled in their own session', async () => {
    const sessions: string[] = [];
    org = await startFakeOrg(
      installedOrg((_body, session) => {
        sessions.push(session);
        return { compiled: true, success: true };
      })
    );
    const fake = org;
    const opened: string[] = [];
    const result = await setupOrg(
      new OrgClient(fake.connection(), NO_WAIT),
      [{ permissionSet: 'PSMS_Admin', username: 'ops@example.com' }],
      {
        username: 'Jobs@example.com',
        client: async () => {
          opened.push('Jobs@example.com');
          return new OrgClient(
            new Connection({ instanceUrl: fake.url, accessToken: 'token-jobs', version: '62.0' }),
            NO_WAIT
          );
        }
      }
    );
    expect(opened).toEqual(['Jobs@example.com']);
    expect(sessions).toEqual(['Bearer token-jobs']);
    expect(result.jobsRunAs).toBe('Jobs@example.com');
    expect(result.assignments).toEqual([
      { permissionSet: 'PSMS_Admin', username: 'ops@example.com', status: 'added' },
      { permissionSet: 'PSMS_Admin', username: 'Jobs@example.com', status: 'added' }
    ]);
  });

  it('--job-user without an sf login of that user says how to make one, and schedules nothing', async () => {
    const bodies: string[] = [];
    org = await startFakeOrg(
      installedOrg((body) => {
        bodies.push(body);
        return { compiled: true, success: true };
      })
    );
    await expect(
      setupOrg(new OrgClient(org.connection(), NO_WAIT), [], {
        username: 'jobs@example.com',
        client: async () => {
          throw new CliError('unknown org "jobs@example.com": no sf CLI login has that alias or username');
        }
      })
    ).rejects.toThrow(
      /^setup: --job-user jobs@example.com: unknown org "jobs@example.com": .*Scheduled jobs run as the user who schedules them.*sf org login jwt --username jobs@example.com/
    );
    expect(bodies).toEqual([]);
  });

  it('--job-user whose login is to another org is refused', async () => {
    org = await startFakeOrg(installedOrg(() => ({ compiled: true, success: true })));
    const fake = org;
    await expect(
      setupOrg(new OrgClient(fake.connection(), NO_WAIT), [], {
        username: 'jobs@example.com',
        client: async () =>
          new OrgClient(
            new Connection({ instanceUrl: fake.url, accessToken: 'token-elsewhere', version: '62.0' }),
            NO_WAIT
          )
      })
    ).rejects.toThrow(
      'setup: --job-user jobs@example.com: that login is to another org (00D000000000002AAA, not 00D000000000001AAA)'
    );
  });

  it('passes on the Apex refusal to schedule as a holder of the trigger bypass', async () => {
    org = await startFakeOrg(
      installedOrg(() => ({
        compiled: true,
        success: false,
        exceptionMessage:
          'PsmsJobs.SchedulingException: Scheduled jobs run as the user who schedules them, ...'
      }))
    );
    await expect(setupOrg(new OrgClient(org.connection(), NO_WAIT), [])).rejects.toThrow(
      'setup: PsmsSetupController.setUpInstall() failed: PsmsJobs.SchedulingException: Scheduled jobs run as the user who schedules them, ...'
    );
  });

  it('says when the org does not have the setup Apex (PSMS not deployed)', async () => {
    org = await startFakeOrg(
      installedOrg(() => ({
        compiled: false,
        success: false,
        compileProblem: 'Variable does not exist: PsmsSetupController'
      }))
    );
    await expect(setupOrg(new OrgClient(org.connection(), NO_WAIT), [])).rejects.toThrow(
      'setup: PsmsSetupController.setUpInstall() did not compile (is PSMS deployed?): Variable does not exist: PsmsSetupController'
    );
  });

  it('passes on the Apex failure, e.g. a snapshot already being taken', async () => {
    org = await startFakeOrg(
      installedOrg(() => ({
        compiled: true,
        success: false,
        exceptionMessage: 'A snapshot is already being taken.'
      }))
    );
    await expect(setupOrg(new OrgClient(org.connection(), NO_WAIT), [])).rejects.toThrow(
      'setup: PsmsSetupController.setUpInstall() failed: A snapshot is already being taken.'
    );
  });
});
