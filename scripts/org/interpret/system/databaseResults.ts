import type { Execution } from '../execution';
import { ApexObject } from '../runtimeClass';
import { STRING_TYPE } from '../types';
import { ApexList } from '../values/collections';
import type { DmlRowResult } from '../../orgServices';
import type { ClassRegistry } from '../classRegistry';
import { enumValue, nativeClass } from './nativeClass';

/** Database.SaveResult, UpsertResult, DeleteResult, UndeleteResult and Database.Error. */
export function databaseErrorObject(
  ex: Execution,
  statusCode: string,
  message: string,
  fields: string[]
): ApexObject {
  const error = new ApexObject(ex.org.registry.systemClass('Database.Error'));
  error.native = { statusCode, message, fields };
  return error;
}

export function resultObjects(
  ex: Execution,
  kind: 'SaveResult' | 'UpsertResult' | 'DeleteResult' | 'UndeleteResult',
  rows: DmlRowResult[]
): ApexList {
  const cls = ex.org.registry.systemClass(`Database.${kind}`);
  return new ApexList(
    { kind: 'class', cls },
    rows.map((row) => {
      const result = new ApexObject(cls);
      result.native = {
        id: row.id,
        success: row.success,
        created: row.created,
        errors: row.errors.map((e) => databaseErrorObject(ex, e.statusCode, e.message, e.fields))
      };
      return result;
    })
  );
}

export function installDatabaseResults(registry: ClassRegistry): void {
  const errorClass = nativeClass(registry, {
    name: 'Database.Error',
    methods: {
      getMessage: (_ex, self) => (self as ApexObject).native.message,
      getStatusCode: (ex, self) =>
        enumValue(ex.org.registry.systemClass('StatusCode'), String((self as ApexObject).native.statusCode)),
      getFields: (_ex, self) => new ApexList(STRING_TYPE, (self as ApexObject).native.fields as string[])
    }
  });
  const methods = {
    getId: (_ex: Execution, self: ApexObject | null) => (self as ApexObject).native.id ?? null,
    isSuccess: (_ex: Execution, self: ApexObject | null) => (self as ApexObject).native.success === true,
    getErrors: (_ex: Execution, self: ApexObject | null) =>
      new ApexList({ kind: 'class', cls: errorClass }, (self as ApexObject).native.errors as ApexObject[])
  };
  nativeClass(registry, { name: 'Database.SaveResult', methods });
  nativeClass(registry, { name: 'Database.DeleteResult', methods });
  nativeClass(registry, { name: 'Database.UndeleteResult', methods });
  nativeClass(registry, {
    name: 'Database.UpsertResult',
    methods: { ...methods, isCreated: (_ex, self) => (self as ApexObject).native.created === true }
  });
}
