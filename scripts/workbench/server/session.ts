import { join } from 'node:path';
import { readMetadataFile, texts } from '../../lib/metadataXml';
import type { JsonValue } from '../../org/interpret/serialize';
import type { DemoOrg, DemoUser } from '../db/demoOrg';
import { APP } from '../build/pageRegistrySource';

/**
 * Who is signed in to the workbench: one of the demo org's users (a partner rep, a partner
 * manager, the head of partner sales, the PSMS admin), remembered in a cookie. Every Apex call
 * runs as that user, with that user's permission set, sharing and role.
 */
export interface Session {
  user: DemoUser;
}

export class SessionError extends Error {
  readonly status = 400;
}

/** The partner manager by default: the role whose work (the desk, the calls) shows the most. */
function defaultUser(org: DemoOrg): DemoUser {
  const user = org.users.find((u) => u.role === 'manager') ?? org.users[0];
  if (!user) throw new Error('the demo org has no users to sign in as');
  return user;
}

export function sessionUser(org: DemoOrg, cookieHeader: string | undefined): Session {
  const id = /(?:^|;\s*)psms_user=([A-Za-z0-9]{15,18})/.exec(cookieHeader ?? '')?.[1];
  return { user: org.users.find((u) => u.id === id) ?? defaultUser(org) };
}

export function signIn(org: DemoOrg, body: Record<string, JsonValue>): DemoUser {
  const user = org.users.find((u) => u.id === body.userId);
  if (!user)
    throw new SessionError(`Sign in as one of: ${org.users.map((u) => `${u.name} (${u.role})`).join(', ')}.`);
  return user;
}

/** What the app shell needs: who is signed in, whom else it may sign in as, and the tabs they see. */
export function sessionView(org: DemoOrg, root: string, user: DemoUser) {
  const app = readMetadataFile(
    join(root, 'force-app', 'main', 'default', 'applications', `${APP}.app-meta.xml`),
    'CustomApplication'
  );
  // The org's answer for this user: their profile and permission sets' tab settings.
  const tabs = texts(app, 'tabs').filter((tab) => org.runtime.security.tabVisible(user.id, tab));
  return { user, users: org.users, tabs };
}
