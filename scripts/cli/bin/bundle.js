// Start-up without compiling TypeScript on every run: the CLI is bundled once with esbuild (a
// dependency of tsx, so already installed) into .psms/cli/psms.js and that bundle is loaded while
// it is newer than every file it was built from. tsx compiled ~60 modules per run (~1 s of a
// report); loading one prebuilt file takes a few tens of ms. Checking freshness is one stat per
// input (the list esbuild reports in its metafile), so an edited source is picked up on the next
// run, and a new file can only join the bundle through an import added to a listed one.
const { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const cliDir = resolve(__dirname, '..');
const outDir = resolve(cliDir, '../../.psms/cli');
const bundle = join(outDir, 'psms.js');
// The parallel reader's worker threads load their own, smaller bundle from beside it.
const workerBundle = join(outDir, 'parseWorker.js');
const inputsFile = join(outDir, 'inputs.json');

function isFresh() {
  if (!existsSync(bundle) || !existsSync(workerBundle) || !existsSync(inputsFile)) return false;
  const builtAt = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(inputsFile, 'utf8'));
  return inputs.every((file) => existsSync(file) && statSync(file).mtimeMs <= builtAt);
}

function build() {
  const esbuild = require('esbuild');
  const result = esbuild.buildSync({
    absWorkingDir: cliDir,
    entryPoints: {
      psms: join(cliDir, 'src/main.ts'),
      parseWorker: join(cliDir, 'src/export/parseWorker.ts')
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // Packages stay in node_modules (jsforce, @salesforce/core load lazily, only for --org).
    packages: 'external',
    // Source paths are resolved from the sources' folder, not from where the bundle lives.
    define: { PSMS_SOURCE_DIR: JSON.stringify(join(cliDir, 'src')) },
    metafile: true,
    write: false,
    logLevel: 'silent'
  });
  mkdirSync(outDir, { recursive: true });
  const inputs = [__filename, ...Object.keys(result.metafile.inputs).map((file) => resolve(cliDir, file))];
  // Written under temporary names and renamed, so a psms started meanwhile never loads half a file;
  // the inputs list goes first, so a bundle is never paired with an older list.
  const suffix = `.${process.pid}.tmp`;
  writeFileSync(inputsFile + suffix, JSON.stringify(inputs));
  renameSync(inputsFile + suffix, inputsFile);
  // The worker's bundle before the main one: a fresh psms.js never starts a stale worker.
  const outputs = [...result.outputFiles].sort((a, b) => (a.path === bundle) - (b.path === bundle));
  for (const output of outputs) {
    writeFileSync(output.path + suffix, output.contents);
    renameSync(output.path + suffix, output.path);
  }
}

/** The bundle's path, rebuilt first when stale; null when it cannot be built here (then use tsx). */
function freshBundle() {
  try {
    if (!isFresh()) build();
    return bundle;
  } catch (error) {
    if (process.env.PSMS_DEBUG)
      process.stderr.write(`psms: no prebuilt bundle (${error.message}); using tsx\n`);
    return null;
  }
}

module.exports = { freshBundle };
