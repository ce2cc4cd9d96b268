import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { children, readMetadataFile, text, texts } from '../../lib/metadataXml';

/**
 * The LWC bundles of force-app as the platform sees them (their .js-meta.xml: exposed or not,
 * targets, record-page objects), and every `@salesforce/*` and `lightning/*` module their
 * sources import, which the build must alias.
 */

export interface ComponentBundle {
  name: string;
  dir: string;
  exposed: boolean;
  targets: string[];
  objects: string[];
  label?: string;
}

export function listBundles(lwcDir: string): ComponentBundle[] {
  if (!existsSync(lwcDir)) return [];
  return readdirSync(lwcDir)
    .sort()
    .flatMap((name) => {
      const dir = join(lwcDir, name);
      const meta = join(dir, `${name}.js-meta.xml`);
      // A bundle still being written (metadata but no module yet) is left out until it has one.
      const hasModule = existsSync(join(dir, `${name}.ts`)) || existsSync(join(dir, `${name}.js`));
      if (!statSync(dir).isDirectory() || !existsSync(meta) || !hasModule) return [];
      const root = readMetadataFile(meta, 'LightningComponentBundle');
      const targets = children(root, 'targets').flatMap((t) => texts(t, 'target'));
      const objects = children(root, 'targetConfigs')
        .flatMap((c) => children(c, 'targetConfig'))
        .flatMap((c) => children(c, 'objects'))
        .flatMap((o) => texts(o, 'object'));
      return [
        {
          name,
          dir,
          exposed: text(root, 'isExposed') === 'true',
          targets,
          objects,
          label: text(root, 'masterLabel')
        }
      ];
    });
}

/** Source files of a bundle the browser build reads: TypeScript (or JavaScript when there is no .ts twin), templates, styles. */
export function bundleSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== '__mocks__') files.push(...bundleSources(path));
    } else if (
      /\.(ts|html|css|xml)$/.test(entry.name) ||
      (entry.name.endsWith('.js') && !existsSync(path.replace(/\.js$/, '.ts')))
    ) {
      files.push(path);
    }
  }
  return files.sort();
}

const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;

/** Every platform module (`@salesforce/...`, `lightning/...`) imported anywhere under the given directories. */
export function platformImports(dirs: string[]): Set<string> {
  const found = new Set<string>();
  for (const dir of dirs) {
    for (const file of bundleSources(dir).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const specifier = match[1] ?? match[2] ?? match[3];
        if (specifier && (specifier.startsWith('@salesforce/') || specifier.startsWith('lightning/')))
          found.add(specifier);
      }
    }
  }
  return found;
}
