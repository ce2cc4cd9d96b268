import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A throwaway SFDX project on disk for planting a defect: each key is a path relative to the
 * project root. Returned `cleanup` removes it.
 */
export function fixtureProject(files: Record<string, string>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'psms-gate-'));
  const all: Record<string, string> = {
    'sfdx-project.json': JSON.stringify({
      packageDirectories: [{ path: 'force-app', default: true }],
      sourceApiVersion: '65.0'
    }),
    ...files
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const META = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
export const DEFAULT = 'force-app/main/default';

export function classMeta(): string {
  return `${XML_DECLARATION}<ApexClass ${META}>\n    <apiVersion>65.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
}

export function customObject(label: string): string {
  return `${XML_DECLARATION}<CustomObject ${META}>
    <deploymentStatus>Deployed</deploymentStatus>
    <label>${label}</label>
    <nameField>
        <label>${label} Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>${label}s</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;
}

export function numberField(name: string): string {
  return `${XML_DECLARATION}<CustomField ${META}>
    <fullName>${name}</fullName>
    <label>${name}</label>
    <precision>18</precision>
    <required>false</required>
    <scale>0</scale>
    <type>Number</type>
</CustomField>
`;
}

/** A project with one custom object, Invoice__c, holding one field, Total__c. */
export function invoiceModel(): Record<string, string> {
  return {
    [`${DEFAULT}/objects/Invoice__c/Invoice__c.object-meta.xml`]: customObject('Invoice'),
    [`${DEFAULT}/objects/Invoice__c/fields/Total__c.field-meta.xml`]: numberField('Total__c')
  };
}
