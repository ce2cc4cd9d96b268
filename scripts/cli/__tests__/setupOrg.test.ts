import { OrgClient } from '../src/org/orgClient';
import { SET_UP_INSTALL, setupOrg } from '../src/commands/setupOrg';
import { API, startFakeOrg, type FakeOrg, type FakeRequest } from './helpers/fakeSalesforce';

const NO_WAIT = { sleep: async () => undefined };

/** An org with PSMS installed: settings records, the permission sets, one user, no assignments. */
function installedOrg(
  anonymous: (body: string) => {
    compiled: boolean;
    success: boolean;
    compileProblem?: string;
    exceptionMessage?: string;
  }
) {
  return (request: FakeRequest) => {
    if (request.path.startsWith(`${API}/tooling/executeAnonymous`)) {
      return {
        json: {
          compileProblem: null,
          exceptionMessage: null,
          ...anonymous(request.query.get('anonymousBody') ?? '')
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
        ? [{ Id: '005000000000001AAA', Username: 'ops@example.com' }]
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
