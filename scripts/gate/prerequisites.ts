import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * What the gate needs beyond npm, checked before any step starts so a fresh machine learns it
 * in a second rather than after minutes of other steps: a JDK (apex-ls and PMD run on `java`,
 * the standard SObject schema is read with `javap`) and Chromium (the workbench's end-to-end
 * tests). As root with apt, the missing ones are installed by the same script CI uses;
 * otherwise the gate stops with one line naming what is missing and the command that
 * installs it.
 */
export type Prerequisite = 'jdk' | 'chromium';

export const INSTALL_SCRIPT = 'scripts/ci/install-system-packages.sh';
export const INSTALL_COMMAND = `sudo bash ${INSTALL_SCRIPT}`;

/** The machine as the check sees it; tests pass a fake. */
export interface Machine {
  /** An executable of that name on PATH. */
  hasCommand(name: string): boolean;
  /** An executable file at that path. */
  isExecutable(path: string): boolean;
  env: Record<string, string | undefined>;
  isRoot: boolean;
  /** Runs the install script (output to the terminal); its exit status. */
  runInstaller(): number;
}

export type PrerequisiteCheck = { ok: true; installed: Prerequisite[] } | { ok: false; message: string };

/** Chromium where the e2e tests launch it (scripts/workbench/browserSession.ts). */
export function chromiumPath(env: Record<string, string | undefined>): string {
  return env.PSMS_CHROMIUM ?? '/usr/bin/chromium';
}

const DESCRIPTION: Record<Prerequisite, (machine: Machine) => string> = {
  jdk: () => 'a JDK (java and javap, Java 17 or newer)',
  chromium: (machine) => `Chromium (${chromiumPath(machine.env)})`
};

function present(need: Prerequisite, machine: Machine): boolean {
  if (need === 'jdk') return machine.hasCommand('java') && machine.hasCommand('javap');
  return machine.isExecutable(chromiumPath(machine.env));
}

export function missingOf(needs: Iterable<Prerequisite>, machine: Machine): Prerequisite[] {
  return [...new Set(needs)].filter((need) => !present(need, machine));
}

function oneLine(missing: Prerequisite[], machine: Machine, why: string): string {
  const what = missing.map((need) => DESCRIPTION[need](machine)).join(' and ');
  const fix =
    missing.includes('chromium') && machine.env.PSMS_CHROMIUM !== undefined
      ? `${INSTALL_COMMAND} (or point PSMS_CHROMIUM at a Chromium binary)`
      : INSTALL_COMMAND;
  return `npm test needs ${what}${why}: install with ${fix}`;
}

/**
 * Checks the prerequisites of the steps about to run; installs the missing ones when it can
 * (root, with apt-get), then checks again.
 */
export function checkPrerequisites(needs: Iterable<Prerequisite>, machine: Machine): PrerequisiteCheck {
  const missing = missingOf(needs, machine);
  if (missing.length === 0) return { ok: true, installed: [] };
  if (!machine.isRoot || !machine.hasCommand('apt-get')) {
    const why = machine.isRoot ? ', not found, and this machine has no apt-get' : ', not found';
    return { ok: false, message: oneLine(missing, machine, why) };
  }
  const status = machine.runInstaller();
  const still = missingOf(missing, machine);
  if (still.length > 0) {
    return {
      ok: false,
      message: oneLine(still, machine, `, still missing after ${INSTALL_SCRIPT} (exit ${status})`)
    };
  }
  return { ok: true, installed: missing };
}

/** The real machine. */
export function thisMachine(projectDir: string): Machine {
  // A file with an execute bit (access(X_OK) says yes to root for any file).
  const isExecutable = (path: string): boolean => {
    try {
      const stat = statSync(path);
      return stat.isFile() && (stat.mode & 0o111) !== 0;
    } catch {
      return false; // absent, or in a directory this user may not read
    }
  };
  return {
    hasCommand: (name) =>
      (process.env.PATH ?? '')
        .split(delimiter)
        .filter((dir) => dir !== '')
        .some((dir) => isExecutable(join(dir, name))),
    isExecutable,
    env: process.env,
    isRoot: process.getuid?.() === 0,
    runInstaller: () =>
      spawnSync('bash', [join(projectDir, INSTALL_SCRIPT)], { cwd: projectDir, stdio: 'inherit' }).status ?? 1
  };
}
