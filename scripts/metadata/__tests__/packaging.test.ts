// The unlocked package works as the README says: one package name everywhere, scripts that
// compile the LWC TypeScript before sf sees force-app, the CLI from the lock file, and installer
// links that point at documents that exist.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface PackageDirectory {
  path: string;
  package?: string;
  versionNumber?: string;
  postInstallUrl?: string;
  releaseNotesUrl?: string;
}
const project = JSON.parse(read('sfdx-project.json')) as {
  packageDirectories: PackageDirectory[];
  packageAliases: Record<string, string>;
};
const packageJson = JSON.parse(read('package.json')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
};
const [forceApp] = project.packageDirectories;
const NAME = 'Partner Sales Management';
const REPOSITORY_FILE = /^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/blob\/main\/([^#]+)(?:#(.+))?$/;

/** GitHub's anchor for a Markdown heading. */
const anchorOf = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/\s/g, '-');

function expectDocumentExists(url: string | undefined): void {
  const match = REPOSITORY_FILE.exec(url ?? '');
  expect({ url, pointsIntoTheRepository: match !== null }).toEqual({ url, pointsIntoTheRepository: true });
  const [, file, anchor] = match as RegExpExecArray;
  expect(existsSync(join(ROOT, file))).toBe(true);
  if (anchor) {
    const anchors = read(file)
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => anchorOf(line.replace(/^#+/, '')));
    expect(anchors).toContain(anchor);
  }
}

describe('the unlocked package', () => {
  it('is force-app, named once, versioned with .NEXT so each build gets the next build number', () => {
    expect(forceApp).toMatchObject({ path: 'force-app', package: NAME });
    expect(forceApp.versionNumber).toMatch(/^\d+\.\d+\.\d+\.NEXT$/);
  });

  it('has only aliases of that package: its 0Ho id and its versions’ 04t ids', () => {
    for (const [alias, id] of Object.entries(project.packageAliases)) {
      if (alias === NAME) expect(id).toMatch(/^0Ho[\w]{12,15}$/);
      else {
        expect(alias).toMatch(new RegExp(`^${NAME}@\\d+\\.\\d+\\.\\d+-\\d+$`));
        expect(id).toMatch(/^04t[\w]{12,15}$/);
      }
    }
  });

  it('links the installer to the admin steps and the release notes, which exist', () => {
    expectDocumentExists(forceApp.postInstallUrl);
    expectDocumentExists(forceApp.releaseNotesUrl);
  });

  it('is created and versioned by npm scripts that compile the LWC TypeScript first', () => {
    const create = packageJson.scripts['package:create'];
    const version = packageJson.scripts['package:version'];
    expect(create).toMatch(/^npm run build:lwc && sf package create /);
    expect(create).toContain(`--name "${NAME}"`);
    expect(create).toContain('--package-type Unlocked');
    expect(create).toContain(`--path ${forceApp.path}`);
    expect(version).toMatch(/^npm run build:lwc && sf package version create /);
    expect(version).toContain(`--package "${NAME}"`);
    // A version without coverage cannot be promoted.
    expect(version).toContain('--code-coverage');
    expect(packageJson.scripts['build:lwc']).toBe('tsc -p tsconfig.lwc.json');
  });

  it('uses the Salesforce CLI from the lock file, pinned', () => {
    expect(packageJson.devDependencies['@salesforce/cli']).toMatch(/^\d+\.\d+\.\d+$/);
    const workflow = read('.github/workflows/ci.yml');
    expect(workflow).not.toMatch(/npm install --global @salesforce\/cli/);
    expect(workflow).toContain('npm run build:lwc');
    expect(workflow).toContain('npm run package:version');
  });
});
