import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { count, type CheckResult } from '../finding';

/**
 * Converts force-app to a Metadata API package (package.xml + metadata folders) with the
 * same library the `sf` CLI uses for deploys and package versions, honouring .forceignore.
 * A file the registry cannot place, or a component that cannot be converted, fails here.
 */
export async function checkPackageConversion(projectDir: string): Promise<CheckResult> {
  const output = mkdtempSync(join(tmpdir(), 'psms-mdapi-'));
  try {
    const components = ComponentSet.fromSource(join(projectDir, 'force-app'));
    const byType = new Map<string, number>();
    for (const component of components.getSourceComponents()) {
      byType.set(component.type.name, (byType.get(component.type.name) ?? 0) + 1);
    }
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
      findings: []
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
