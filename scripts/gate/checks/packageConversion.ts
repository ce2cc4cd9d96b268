import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, ForceIgnore, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { count, type CheckResult, type Finding } from '../finding';
import { displayPath, listFiles } from '../sourceFiles';

/**
 * Converts force-app to a Metadata API package (package.xml + metadata folders) with the
 * same library the `sf` CLI uses for deploys and package versions, honouring .forceignore.
 * A file the registry cannot place, or a component that cannot be converted, fails here; so
 * does a file that belongs to no component and is not in .forceignore (an Apex class without
 * its -meta.xml, say), which the library would otherwise leave out of the package silently.
 */
export async function checkPackageConversion(projectDir: string): Promise<CheckResult> {
  const output = mkdtempSync(join(tmpdir(), 'psms-mdapi-'));
  try {
    const components = ComponentSet.fromSource(join(projectDir, 'force-app'));
    const byType = new Map<string, number>();
    for (const component of components.getSourceComponents()) {
      byType.set(component.type.name, (byType.get(component.type.name) ?? 0) + 1);
    }
    const findings = unpackagedFiles(projectDir, components);
    await new MetadataConverter().convert(components, 'metadata', {
      type: 'directory',
      outputDirectory: output,
      genUniqueDir: false
    });
    const detail = [...byType]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, n]) => `${n} ${type}`)
      .join(', ');
    return {
      summary: `${count(components.size, 'component')} converted to a metadata package (${detail || 'none'})`,
      findings
    };
  } catch (error) {
    return {
      summary: 'conversion to a metadata package',
      findings: [{ file: 'force-app', message: (error as Error).message }]
    };
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

function unpackagedFiles(projectDir: string, components: ComponentSet): Finding[] {
  const claimed = new Set<string>();
  for (const component of components.getSourceComponents()) {
    for (const part of [component, ...component.getChildren()]) {
      if (part.xml) claimed.add(part.xml);
      for (const file of part.walkContent()) claimed.add(file);
    }
  }
  const ignore = ForceIgnore.findAndCreate(projectDir);
  return listFiles(join(projectDir, 'force-app'), [''], { includeTests: true })
    .filter((file) => !claimed.has(file) && !ignore.denies(file))
    .map((file) => ({
      file: displayPath(projectDir, file),
      message:
        'belongs to no metadata component, so it would not be deployed or packaged (add it to .forceignore if that is meant)'
    }));
}
