import { OrgClient } from '../src/org/orgClient';
import { withDataLoadPermission } from '../src/commands/dataLoadPermission';
import { API, NO_WAIT, startFakeOrg, type FakeOrg, type FakeRequest } from './helpers/fakeSalesforce';

const USER = '005000000000001AAA';
const SET = '0PS000000000009AAA';

/** An org where the user holds PSMS_Data_Load or not; records what the CLI asks of it. */
function org(alreadyHeld: boolean, installed = true) {
  return (request: FakeRequest) => {
    if (request.method === 'POST' && request.path === `${API}/sobjects/PermissionSetAssignment`) {
      return { json: { id: '0Pa000000000001AAA', success: true, errors: [] } };
    }
    if (request.method === 'DELETE') return { status: 204, text: '' };
    const soql = request.query.get('q') ?? '';
    const records = soql.includes('FROM PermissionSet WHERE')
      ? installed
        ? [{ Id: SET }]
        : []
      : alreadyHeld
        ? [{ Id: '0Pa000000000000AAA' }]
        : [];
    return { json: { totalSize: records.length, done: true, records } };
  };
}

const writes = (fake: FakeOrg) =>
  fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.replace(API, '')}`);

describe('PSMS_Data_Load for the length of a data load (psms seed)', () => {
  let fake: FakeOrg | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('is assigned before the load and removed after it', async () => {
    fake = await startFakeOrg(org(false));
    const server = fake;
    let writesDuringLoad: string[] = [];
    const result = await withDataLoadPermission(
      new OrgClient(server.connection(), NO_WAIT),
      USER,
      async () => {
        writesDuringLoad = writes(server);
        return 'loaded';
      }
    );
    expect(result).toBe('loaded');
    expect(writesDuringLoad).toEqual(['POST /sobjects/PermissionSetAssignment']);
    expect(JSON.parse(server.requests.find((r) => r.method === 'POST')?.body ?? '{}')).toEqual({
      AssigneeId: USER,
      PermissionSetId: SET
    });
    expect(writes(server)).toEqual([
      'POST /sobjects/PermissionSetAssignment',
      'DELETE /sobjects/PermissionSetAssignment/0Pa000000000001AAA'
    ]);
  });

  it('is removed when the load fails too', async () => {
    fake = await startFakeOrg(org(false));
    await expect(
      withDataLoadPermission(new OrgClient(fake.connection(), NO_WAIT), USER, async () => {
        throw new Error('bulk job failed');
      })
    ).rejects.toThrow('bulk job failed');
    expect(writes(fake)).toEqual([
      'POST /sobjects/PermissionSetAssignment',
      'DELETE /sobjects/PermissionSetAssignment/0Pa000000000001AAA'
    ]);
  });

  it('a user who already holds it keeps it: nothing assigned, nothing removed', async () => {
    fake = await startFakeOrg(org(true));
    await withDataLoadPermission(new OrgClient(fake.connection(), NO_WAIT), USER, async () => 'loaded');
    expect(writes(fake)).toEqual([]);
  });

  it('an org without PSMS says so before loading anything', async () => {
    fake = await startFakeOrg(org(false, false));
    const load = jest.fn();
    await expect(
      withDataLoadPermission(new OrgClient(fake.connection(), NO_WAIT), USER, load)
    ).rejects.toThrow('permission set PSMS_Data_Load is not in the org: deploy or install PSMS first');
    expect(load).not.toHaveBeenCalled();
  });
});
