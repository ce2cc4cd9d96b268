import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordId } from '../../demo/recordIds';

/**
 * The platform modules a component may import, generated as small ES modules and aliased by
 * specifier: `@salesforce/apex/<Class>.<method>` (a call to `POST /api/<Class>.<method>` that is
 * also a wire adapter), `@salesforce/label/c.<name>` (the label's text from the package),
 * `@salesforce/schema/...` (field references), `@salesforce/user/Id`, custom permissions and
 * static resource URLs. An import the workbench cannot serve is a build error naming it, as a
 * deploy would refuse a reference to something missing.
 */

export interface AliasModule {
  name: string;
  path: string;
}

interface Sources {
  apexTransport: string;
  salesforceApex: string;
  labels: ReadonlyMap<string, string>;
  /** Told about each imported label the package does not define (a deploy would refuse it). */
  onMissingLabel: (name: string) => void;
}

export function generateAliasModules(
  specifiers: Iterable<string>,
  outDir: string,
  sources: Sources
): AliasModule[] {
  mkdirSync(outDir, { recursive: true });
  const modules: AliasModule[] = [];
  const problems: string[] = [];
  for (const specifier of [...specifiers].sort()) {
    const code = moduleSource(specifier, sources);
    if (code === null) {
      if (specifier.startsWith('@salesforce/')) problems.push(specifier);
      continue;
    }
    const path = join(outDir, `${specifier.replace(/[^A-Za-z0-9_.-]+/g, '_')}.js`);
    writeFileSync(path, code);
    modules.push({ name: specifier, path });
  }
  if (problems.length > 0)
    throw new Error(`The workbench cannot serve these imports: ${problems.join(', ')}`);
  return modules;
}

function moduleSource(specifier: string, sources: Sources): string | null {
  const json = JSON.stringify;
  let match: RegExpExecArray | null;
  if (specifier === '@salesforce/apex')
    return `export { refreshApex, getSObjectValue } from ${json(sources.salesforceApex)};\n`;
  if ((match = /^@salesforce\/apex\/(\w+\.\w+)$/.exec(specifier))) {
    return `import { createApexOperation } from ${json(sources.apexTransport)};\nexport default createApexOperation(${json(match[1])});\n`;
  }
  if ((match = /^@salesforce\/label\/c\.(\w+)$/.exec(specifier))) {
    const value = sources.labels.get(match[1]);
    // Shown as its name, so a page still renders while the label is being added.
    if (value === undefined) sources.onMissingLabel(match[1]);
    return `export default ${json(value ?? `[${match[1]}]`)};\n`;
  }
  if ((match = /^@salesforce\/schema\/(\w+)\.([\w.]+)$/.exec(specifier))) {
    return `export default ${json({ objectApiName: match[1], fieldApiName: match[2] })};\n`;
  }
  if ((match = /^@salesforce\/schema\/(\w+)$/.exec(specifier)))
    return `export default ${json({ objectApiName: match[1] })};\n`;
  // The workbench signs in as the demo org's first user, the head of partner sales.
  if (specifier === '@salesforce/user/Id') return `export default ${json(recordId('User', 1))};\n`;
  if (specifier === '@salesforce/user/isGuest') return 'export default false;\n';
  // That user holds the package's permission sets, so every custom permission is granted.
  if (/^@salesforce\/customPermission\/\w+$/.test(specifier)) return 'export default true;\n';
  if ((match = /^@salesforce\/resourceUrl\/(\w+)$/.exec(specifier)))
    return `export default ${json(`/resource/${match[1]}`)};\n`;
  return null;
}
