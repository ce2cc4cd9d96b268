import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { bulkUpsert } from '../org/bulkIngest';
import type { BulkOptions } from '../org/bulkQuery';
import type { OrgClient } from '../org/orgClient';
import type { Progress } from '../progress';
import { EXTERNAL_ID, type SeedLoad } from './seedPlan';

/**
 * Runs the seed loads in order and remembers each completed one in a state file, so that an
 * interrupted seed resumes where it stopped. Re-running a completed load is harmless anyway
 * (upserts by external id); the state file saves the API calls.
 */

export interface SeedState {
  org: string;
  seed: number;
  today: string;
  completed: { name: string; jobId: string; rows: number }[];
}

export function readState(path: string, org: string, seed: number, today: string): SeedState {
  if (existsSync(path)) {
    const state = JSON.parse(readFileSync(path, 'utf8')) as SeedState;
    // A state file for another seed or date describes other records: start over.
    if (state.org === org && state.seed === seed && state.today === today) return state;
  }
  return { org, seed, today, completed: [] };
}

function writeState(path: string, state: SeedState): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${path}.tmp`, path);
}

export interface SeedOutcome {
  name: string;
  rows: number;
  status: 'loaded' | 'already loaded';
}

export async function runSeed(
  client: OrgClient,
  loads: readonly SeedLoad[],
  statePath: string,
  state: SeedState,
  progress: Progress,
  bulk?: BulkOptions
): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const [index, load] of loads.entries()) {
    progress.update(`Seeding ${load.name}`, index, loads.length);
    if (state.completed.some((done) => done.name === load.name)) {
      outcomes.push({ name: load.name, rows: load.rows, status: 'already loaded' });
      continue;
    }
    const result = await bulkUpsert(client, load.object, EXTERNAL_ID, load.csv, bulk);
    state.completed.push({ name: load.name, jobId: result.jobId, rows: load.rows });
    writeState(statePath, state);
    outcomes.push({ name: load.name, rows: load.rows, status: 'loaded' });
    progress.update(`Seeding ${load.name}`, index + 1, loads.length);
  }
  progress.finish('Seed', `${loads.length} loads done`);
  return outcomes;
}
