import type { ObjectAccess } from '../orgServices';
import type { FieldDescribe, ObjectDescribe } from '../schema/describe';
import type { Grant } from './permissionSets';

/**
 * One user's effective permissions: their profile and assigned permission sets combined, as the
 * platform combines them (a permission granted by any of them is granted). Record access (who
 * sees which rows) is the sharing model's; this answers what the user may do with an object or
 * field at all.
 */
const NONE: ObjectAccess = {
  read: false,
  create: false,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false
};
const ALL: ObjectAccess = {
  read: true,
  create: true,
  edit: true,
  delete: true,
  viewAll: true,
  modifyAll: true
};
const READ_ONLY: ObjectAccess = { ...NONE, read: true };

export class UserAccess {
  private readonly objectCache = new Map<string, ObjectAccess>();
  readonly viewAllData: boolean;
  readonly modifyAllData: boolean;

  constructor(
    readonly userId: string,
    readonly roleId: string | null,
    readonly grants: Grant[],
    /** This user and every user whose role is below theirs: whose records they see through the hierarchy. */
    readonly hierarchy: ReadonlySet<string>
  ) {
    this.viewAllData = grants.some((g) => g.viewAllData || g.everything);
    this.modifyAllData = grants.some((g) => g.modifyAllData || g.everything);
  }

  object(object: ObjectDescribe): ObjectAccess {
    const key = object.name.toLowerCase();
    let access = this.objectCache.get(key);
    if (access) return access;
    if (this.grants.some((g) => g.everything))
      access = object.createable ? ALL : { ...ALL, create: false, edit: false, delete: false };
    else if (object.setup || object.customMetadata || object.sharesObject)
      access = object.sharesObject ? this.shareAccess(object) : READ_ONLY;
    else {
      access = { ...NONE };
      for (const grant of this.grants) {
        const granted = grant.objects.get(key);
        if (!granted) continue;
        access = {
          read: access.read || granted.read,
          create: access.create || granted.create,
          edit: access.edit || granted.edit,
          delete: access.delete || granted.delete,
          viewAll: access.viewAll || granted.viewAll || granted.modifyAll,
          modifyAll: access.modifyAll || granted.modifyAll
        };
      }
      if (this.viewAllData) access = { ...access, viewAll: access.read };
    }
    this.objectCache.set(key, access);
    return access;
  }

  /** A share table is readable by whoever reads the object it shares. */
  private shareAccess(_share: ObjectDescribe): ObjectAccess {
    return this.grants.some((g) => g.everything) ? ALL : READ_ONLY;
  }

  field(object: ObjectDescribe, field: FieldDescribe): { read: boolean; edit: boolean } {
    const crud = this.object(object);
    if (!crud.read) return { read: false, edit: false };
    const writable = crud.edit || crud.create;
    if (
      this.grants.some((g) => g.everything) ||
      !field.permissionable ||
      object.setup ||
      object.customMetadata
    )
      return { read: true, edit: writable && (field.createable || field.updateable) };
    let read = false;
    let edit = false;
    const key = `${object.name}.${field.name}`.toLowerCase();
    for (const grant of this.grants) {
      const granted =
        grant.fields.get(key) ??
        (!field.custom && grant.objects.has(object.name.toLowerCase())
          ? grant.fields.get('*standard*')
          : undefined);
      if (!granted) continue;
      read ||= granted.read;
      edit ||= granted.edit;
    }
    return { read, edit: edit && writable };
  }

  customPermission(name: string): boolean {
    const key = name.toLowerCase();
    return this.grants.some((g) => g.customPermissions.has(key));
  }

  classAccess(name: string): boolean {
    const key = name.toLowerCase();
    return this.grants.some((g) => g.everything || g.classes.has(key));
  }

  /**
   * Whether the user sees a tab. A package installed for admins only gives its tabs to the
   * System Administrator profile alone; everyone else sees a tab a permission set shows.
   */
  tabVisible(name: string): boolean {
    const key = name.toLowerCase();
    return this.grants.some((g) => g.everything || g.tabs.has(key));
  }
}
