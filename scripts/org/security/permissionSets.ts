import { basename } from 'node:path';
import { filesEnding, findDirs } from '../../lib/forceAppModel';
import { children, flag, readMetadataFile, text } from '../../lib/metadataXml';
import type { ObjectAccess } from '../orgServices';

/**
 * What a permission set (or a profile) grants, read from `permissionsets/*.permissionset-meta.xml`
 * of the source folders: object permissions, field permissions, Apex class access, custom
 * permissions, tab visibility and the org-wide user permissions (View/Modify All Data). The platform's profiles
 * the runtime provides are declared here the same way.
 */
export interface Grant {
  name: string;
  label: string;
  objects: Map<string, ObjectAccess>;
  /** `object.field` in lower case. */
  fields: Map<string, { read: boolean; edit: boolean }>;
  classes: Set<string>;
  /** Tabs the set shows (Visible or Available), by API name in lower case. */
  tabs: Set<string>;
  customPermissions: Set<string>;
  viewAllData: boolean;
  modifyAllData: boolean;
  /** Every object and field of the org (a System Administrator). */
  everything: boolean;
}

export function emptyGrant(name: string, label = name): Grant {
  return {
    name,
    label,
    objects: new Map(),
    fields: new Map(),
    classes: new Set(),
    tabs: new Set(),
    customPermissions: new Set(),
    viewAllData: false,
    modifyAllData: false,
    everything: false
  };
}

export function loadPermissionSets(sourceDirs: readonly string[]): Grant[] {
  const grants: Grant[] = [];
  for (const sourceDir of sourceDirs) {
    for (const dir of findDirs(sourceDir, 'permissionsets')) {
      for (const file of filesEnding(dir, '.permissionset-meta.xml')) {
        const root = readMetadataFile(file, 'PermissionSet');
        const name = basename(file, '.permissionset-meta.xml');
        const grant = emptyGrant(name, text(root, 'label') ?? name);
        for (const node of children(root, 'objectPermissions')) {
          grant.objects.set((text(node, 'object') ?? '').toLowerCase(), {
            read: flag(node, 'allowRead'),
            create: flag(node, 'allowCreate'),
            edit: flag(node, 'allowEdit'),
            delete: flag(node, 'allowDelete'),
            viewAll: flag(node, 'viewAllRecords'),
            modifyAll: flag(node, 'modifyAllRecords')
          });
        }
        for (const node of children(root, 'fieldPermissions'))
          grant.fields.set((text(node, 'field') ?? '').toLowerCase(), {
            read: flag(node, 'readable'),
            edit: flag(node, 'editable')
          });
        for (const node of children(root, 'classAccesses'))
          if (flag(node, 'enabled')) grant.classes.add((text(node, 'apexClass') ?? '').toLowerCase());
        for (const node of children(root, 'tabSettings'))
          grant.tabs.add((text(node, 'tab') ?? '').toLowerCase());
        for (const node of children(root, 'customPermissions'))
          if (flag(node, 'enabled')) grant.customPermissions.add((text(node, 'name') ?? '').toLowerCase());
        for (const node of children(root, 'userPermissions')) {
          if (!flag(node, 'enabled')) continue;
          const permission = text(node, 'name');
          if (permission === 'ViewAllData') grant.viewAllData = true;
          if (permission === 'ModifyAllData') grant.modifyAllData = grant.viewAllData = true;
        }
        grants.push(grant);
      }
    }
  }
  return grants;
}

const FULL: ObjectAccess = {
  read: true,
  create: true,
  edit: true,
  delete: true,
  viewAll: false,
  modifyAll: false
};

/** The profiles a new org has that tests and the workbench use. */
export function platformProfiles(): Grant[] {
  const admin = emptyGrant('System Administrator');
  admin.everything = admin.viewAllData = admin.modifyAllData = true;
  const standard = emptyGrant('Standard User');
  for (const object of ['account', 'opportunity', 'contact']) standard.objects.set(object, FULL);
  // A standard user sees the standard fields of the sales objects; custom fields are granted per permission set.
  standard.fields.set('*standard*', { read: true, edit: true });
  // Its standard tabs are Default On; a package's tabs are not (installed for admins only).
  for (const tab of [
    'standard-home',
    'standard-Account',
    'standard-Opportunity',
    'standard-report',
    'standard-Dashboard'
  ])
    standard.tabs.add(tab.toLowerCase());
  const minimum = emptyGrant('Minimum Access - Salesforce');
  return [admin, standard, minimum];
}
