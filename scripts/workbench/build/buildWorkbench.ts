import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import lwc from '@lwc/rollup-plugin';
import { rollup, type RollupLog } from 'rollup';
import { bundleSources, listBundles, platformImports } from './componentCatalog';
import { readCustomLabels } from './customLabels';
import { generateAliasModules } from './generatedModules';
import {
  pageDefinitions,
  pageRegistrySource,
  recordComponents,
  type PageDefinition
} from './pageRegistrySource';
import { objectInfoSource } from './objectInfoSource';
import { preferTypeScriptSources, replaceConstants, stripTypeScript } from './rollupPlugins';
import { writeIndexHtml } from './indexHtml';

/**
 * Compiles the workbench: force-app's LWCs with the LWC compiler, the real Lightning base
 * components, the app shell and the shims, into `.psms/build/web`. The output is cached under
 * a hash of every input (sources, labels, lock file, this build's own code): a warm start whose
 * inputs did not change skips the ~30 s build.
 */

export interface BuildOptions {
  root: string;
  /** Rebuild even when the cache is current. */
  force?: boolean;
  log?: (message: string) => void;
}

export interface BuildResult {
  outDir: string;
  cached: boolean;
  milliseconds: number;
  pages: PageDefinition[];
}

const SHIMMED = ['navigation', 'platformShowToastEvent', 'uiRecordApi', 'uiObjectInfoApi', 'refresh'];

export async function buildWorkbench(options: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const paths = workbenchPaths(options.root);
  const bundles = listBundles(paths.lwcDir);
  const pages = pageDefinitions(paths.forceAppDir, bundles);
  const hash = inputHash(options.root, paths);
  const stamp = join(paths.outDir, '.build-hash');
  if (!options.force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    return { outDir: paths.outDir, cached: true, milliseconds: Date.now() - started, pages };
  }
  log('Compiling the LWCs, Lightning base components and SLDS (about 30 s on a cold cache)...');
  rmSync(paths.buildDir, { recursive: true, force: true });
  mkdirSync(paths.generatedDir, { recursive: true });

  const missingLabels: string[] = [];
  const registry = join(paths.generatedDir, 'pageRegistry.js');
  writeFileSync(
    registry,
    pageRegistrySource(
      pages,
      join(paths.browserDir, 'lwc', 'wb', 'missingComponent', 'missingComponent.ts'),
      recordComponents(bundles)
    )
  );
  const objectInfo = join(paths.generatedDir, 'objectInfoData.js');
  writeFileSync(objectInfo, objectInfoSource(paths.forceAppDir));
  const aliases = generateAliasModules(
    platformImports([paths.lwcDir, paths.browserDir]),
    join(paths.generatedDir, 'platform'),
    {
      apexTransport: join(paths.browserDir, 'apexTransport.ts'),
      salesforceApex: join(paths.browserDir, 'salesforceApex.ts'),
      labels: readCustomLabels(paths.labelsFile),
      onMissingLabel: (name) => missingLabels.push(name)
    }
  );
  if (missingLabels.length > 0) {
    log(
      `  warning: ${missingLabels.length} labels imported but not in CustomLabels.labels-meta.xml (${missingLabels.slice(0, 3).join(', ')}, ...)`
    );
  }
  const shims = SHIMMED.map((name) => ({
    name: `lightning/${name}`,
    path: join(paths.browserDir, 'shims', `${name}.ts`)
  }));
  const warnings: string[] = [];
  const bundle = await rollup({
    input: { main: join(paths.browserDir, 'main.ts') },
    plugins: [
      replaceConstants('production'),
      preferTypeScriptSources(paths.lwcDir),
      stripTypeScript(),
      lwc({
        rootDir: paths.browserDir,
        modules: [
          ...aliases,
          ...shims,
          { name: 'wb/pageRegistry', path: registry },
          { name: 'wb/objectInfoData', path: objectInfo },
          { dir: paths.lwcDir },
          { dir: join(paths.browserDir, 'lwc') },
          { npm: 'lightning-base-components' }
        ],
        enableDynamicComponents: true,
        enableSyntheticElementInternals: true
      })
    ],
    onLog(level, entry: RollupLog) {
      // An unresolved import would fail only in the browser: fail the build instead.
      if (entry.code === 'UNRESOLVED_IMPORT') throw new Error(`${entry.message}`);
      // Warnings inside the base components are theirs, not ours: only our sources' are shown.
      if (
        level === 'warn' &&
        !entry.message.includes('lightning-base-components') &&
        entry.code !== 'CIRCULAR_DEPENDENCY'
      )
        warnings.push(entry.message);
    }
  });
  await bundle.write({
    dir: paths.outDir,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: false
  });
  await bundle.close();
  writeIndexHtml(paths.outDir);
  writeFileSync(join(paths.outDir, 'pages.json'), JSON.stringify(pages, null, 2));
  writeFileSync(stamp, hash);
  for (const warning of warnings.slice(0, 20)) log(`  warning: ${warning}`);
  return { outDir: paths.outDir, cached: false, milliseconds: Date.now() - started, pages };
}

export function workbenchPaths(root: string) {
  const buildDir = join(root, '.psms', 'build');
  return {
    root,
    forceAppDir: join(root, 'force-app'),
    lwcDir: join(root, 'force-app', 'main', 'default', 'lwc'),
    objectsDir: join(root, 'force-app', 'main', 'default', 'objects'),
    globalValueSetsDir: join(root, 'force-app', 'main', 'default', 'globalValueSets'),
    applicationsDir: join(root, 'force-app', 'main', 'default', 'applications'),
    tabsDir: join(root, 'force-app', 'main', 'default', 'tabs'),
    flexipagesDir: join(root, 'force-app', 'main', 'default', 'flexipages'),
    labelsFile: join(root, 'force-app', 'main', 'default', 'labels', 'CustomLabels.labels-meta.xml'),
    browserDir: join(root, 'scripts', 'workbench', 'browser'),
    buildCodeDir: join(root, 'scripts', 'workbench', 'build'),
    buildDir,
    generatedDir: join(buildDir, 'generated'),
    outDir: join(buildDir, 'web')
  };
}

function inputHash(root: string, paths: ReturnType<typeof workbenchPaths>): string {
  const hash = createHash('sha256');
  const files = [
    ...bundleSources(paths.lwcDir),
    ...filesUnder(paths.browserDir),
    ...filesUnder(paths.buildCodeDir),
    // The object descriptions (uiObjectInfoApi) are generated from the objects' metadata.
    ...filesUnder(paths.objectsDir),
    ...filesUnder(paths.globalValueSetsDir),
    // The pages are the app's tabs and the Lightning pages they show.
    ...filesUnder(paths.applicationsDir),
    ...filesUnder(paths.tabsDir),
    ...filesUnder(paths.flexipagesDir),
    paths.labelsFile,
    join(root, 'package-lock.json')
  ].filter((file) => existsSync(file));
  for (const file of files) {
    hash.update(relative(root, file));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}
