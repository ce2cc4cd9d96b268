import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { filesEnding, findDirs } from '../../lib/forceAppModel';
import { children, readMetadataFile, text } from '../../lib/metadataXml';
import { readCustomMetadataRecords, type CustomMetadataRecord } from '../../lib/customMetadataRecords';

/**
 * What a package deploys besides code and objects: custom labels, custom metadata records and
 * static resources, read from the source folders.
 */
export interface StaticResourceFile {
  name: string;
  contentType: string;
  body: Buffer;
}

export interface PackageContent {
  labels: Map<string, { name: string; value: string }>;
  customMetadata: Map<string, CustomMetadataRecord[]>;
  staticResources: StaticResourceFile[];
}

export function loadPackageContent(sourceDirs: readonly string[]): PackageContent {
  const labels = new Map<string, { name: string; value: string }>();
  const customMetadata = new Map<string, CustomMetadataRecord[]>();
  const staticResources: StaticResourceFile[] = [];
  for (const dir of sourceDirs) {
    for (const labelsDir of findDirs(dir, 'labels'))
      for (const file of filesEnding(labelsDir, '.labels-meta.xml'))
        for (const label of children(readMetadataFile(file, 'CustomLabels'), 'labels')) {
          const name = text(label, 'fullName') ?? '';
          labels.set(name.toLowerCase(), { name, value: text(label, 'value') ?? '' });
        }
    for (const [type, records] of readCustomMetadataRecords(dir))
      customMetadata.set(type.toLowerCase(), [...(customMetadata.get(type.toLowerCase()) ?? []), ...records]);
    for (const resourcesDir of findDirs(dir, 'staticresources')) {
      const files = readdirSync(resourcesDir);
      for (const meta of filesEnding(resourcesDir, '.resource-meta.xml')) {
        const name = basename(meta, '.resource-meta.xml');
        const body = files.find((f) => f.startsWith(`${name}.`) && !f.endsWith('-meta.xml'));
        if (!body || !existsSync(join(resourcesDir, body))) continue;
        staticResources.push({
          name,
          contentType:
            text(readMetadataFile(meta, 'StaticResource'), 'contentType') ?? 'application/octet-stream',
          body: readFileSync(join(resourcesDir, body))
        });
      }
    }
  }
  return { labels, customMetadata, staticResources };
}
