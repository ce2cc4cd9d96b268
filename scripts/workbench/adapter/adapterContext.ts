import type { PsmsSettings } from '../../../force-app/main/default/lwc/psmsEngine/settings';
import type { DemoDatabase } from '../db/demoDatabase';

/** What every operation runs against: the demo org, its settings, and the clock (replaceable in tests). */
export interface AdapterContext {
  demo: DemoDatabase;
  settings: PsmsSettings;
  /** The package directory whose metadata declares the schema and picklists. */
  forceAppDir: string;
  /** The user's today, `YYYY-MM-DD`. */
  today(): string;
  /** Now, as an ISO-8601 datetime. */
  now(): string;
}

export function systemClock(): Pick<AdapterContext, 'today' | 'now'> {
  return { today: () => new Date().toISOString().slice(0, 10), now: () => new Date().toISOString() };
}
