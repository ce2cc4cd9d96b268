import { checkPrerequisites, INSTALL_COMMAND, thisMachine, type Machine } from '../prerequisites';

/** A machine with the given commands on PATH and executable files, root or not. */
function fakeMachine(options: {
  commands: string[];
  files?: string[];
  isRoot: boolean;
  env?: Record<string, string>;
  /** What the installer puts on the machine. */
  installs?: { commands?: string[]; files?: string[]; status?: number };
}): Machine & { installerRuns: number } {
  const commands = new Set(options.commands);
  const files = new Set(options.files ?? []);
  const machine = {
    installerRuns: 0,
    hasCommand: (name: string) => commands.has(name),
    isExecutable: (path: string) => files.has(path),
    env: options.env ?? {},
    isRoot: options.isRoot,
    runInstaller: () => {
      machine.installerRuns++;
      for (const command of options.installs?.commands ?? []) commands.add(command);
      for (const file of options.installs?.files ?? []) files.add(file);
      return options.installs?.status ?? 0;
    }
  };
  return machine;
}

const JDK = ['java', 'javap'];
const CHROMIUM = '/usr/bin/chromium';

describe('gate prerequisites (a JDK, Chromium)', () => {
  it('passes without installing anything when everything the steps need is there', () => {
    const machine = fakeMachine({ commands: [...JDK, 'apt-get'], files: [CHROMIUM], isRoot: true });
    expect(checkPrerequisites(['jdk', 'chromium'], machine)).toEqual({ ok: true, installed: [] });
    expect(machine.installerRuns).toBe(0);
  });

  it('asks only for what the selected steps need', () => {
    const machine = fakeMachine({ commands: [], isRoot: false });
    expect(checkPrerequisites([], machine)).toEqual({ ok: true, installed: [] });
    expect(checkPrerequisites(['jdk'], fakeMachine({ commands: JDK, isRoot: false }))).toEqual({
      ok: true,
      installed: []
    });
  });

  it('not root: stops with one line naming the missing Chromium and the install command', () => {
    const machine = fakeMachine({ commands: [...JDK, 'apt-get'], isRoot: false });
    const result = checkPrerequisites(['jdk', 'chromium'], machine);
    expect(result).toEqual({
      ok: false,
      message: `npm test needs Chromium (/usr/bin/chromium), not found: install with ${INSTALL_COMMAND}`
    });
    expect(machine.installerRuns).toBe(0);
  });

  it('not root: a JDK with java but no javap is missing too, named with Chromium on the same line', () => {
    const machine = fakeMachine({ commands: ['java'], isRoot: false });
    const result = checkPrerequisites(['jdk', 'chromium', 'jdk'], machine);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toBe(
      `npm test needs a JDK (java and javap, Java 17 or newer) and Chromium (/usr/bin/chromium), not found: install with ${INSTALL_COMMAND}`
    );
  });

  it('root with apt-get: runs the install script once, then passes', () => {
    const machine = fakeMachine({
      commands: ['apt-get'],
      isRoot: true,
      installs: { commands: JDK, files: [CHROMIUM] }
    });
    expect(checkPrerequisites(['jdk', 'chromium'], machine)).toEqual({
      ok: true,
      installed: ['jdk', 'chromium']
    });
    expect(machine.installerRuns).toBe(1);
  });

  it('root with apt-get, but the install fails: one line with what is still missing and the exit status', () => {
    const machine = fakeMachine({
      commands: ['apt-get'],
      isRoot: true,
      installs: { commands: JDK, status: 100 }
    });
    expect(checkPrerequisites(['jdk', 'chromium'], machine)).toEqual({
      ok: false,
      message: `npm test needs Chromium (/usr/bin/chromium), still missing after scripts/ci/install-system-packages.sh (exit 100): install with ${INSTALL_COMMAND}`
    });
  });

  it('root without apt-get: does not try to install', () => {
    const machine = fakeMachine({ commands: JDK, isRoot: true });
    const result = checkPrerequisites(['chromium'], machine);
    expect(result).toEqual({
      ok: false,
      message: `npm test needs Chromium (/usr/bin/chromium), not found, and this machine has no apt-get: install with ${INSTALL_COMMAND}`
    });
    expect(machine.installerRuns).toBe(0);
  });

  it('looks for Chromium where PSMS_CHROMIUM points, and says so when it is not there', () => {
    const env = { PSMS_CHROMIUM: '/opt/chrome/chrome' };
    expect(
      checkPrerequisites(
        ['chromium'],
        fakeMachine({ commands: [], files: ['/opt/chrome/chrome'], isRoot: false, env })
      )
    ).toEqual({ ok: true, installed: [] });
    const result = checkPrerequisites(
      ['chromium'],
      fakeMachine({ commands: [], files: [CHROMIUM], isRoot: false, env })
    );
    expect(result).toEqual({
      ok: false,
      message: `npm test needs Chromium (/opt/chrome/chrome), not found: install with ${INSTALL_COMMAND} (or point PSMS_CHROMIUM at a Chromium binary)`
    });
  });
});

describe('this machine', () => {
  it('finds commands on PATH and executable files, and knows whether it runs as root', () => {
    const machine = thisMachine(process.cwd());
    expect(machine.hasCommand('sh')).toBe(true);
    expect(machine.hasCommand('psms-no-such-command')).toBe(false);
    expect(machine.isExecutable('/bin/sh')).toBe(true);
    expect(machine.isExecutable(__filename)).toBe(false);
    expect(machine.isExecutable('/psms/no/such/file')).toBe(false);
    expect(machine.isRoot).toBe(process.getuid?.() === 0);
  });
});
