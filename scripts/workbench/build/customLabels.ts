import { existsSync } from 'node:fs';
import { children, readMetadataFile, text } from '../../lib/metadataXml';

/** The package's custom labels, `fullName → value`, as `@salesforce/label/c.<name>` imports resolve in the org. */
export function readCustomLabels(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const root = readMetadataFile(file, 'CustomLabels');
  return new Map(
    children(root, 'labels').map((label) => [text(label, 'fullName') ?? '', text(label, 'value') ?? ''])
  );
}
