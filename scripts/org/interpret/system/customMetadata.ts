import { UnsupportedError } from '../../platformError';
import type { ObjectDescribe } from '../../schema/describe';
import type { Execution } from '../execution';
import { STRING_TYPE } from '../types';
import { ApexMap } from '../values/collections';
import type { SObject } from '../values/sobject';

/**
 * The static methods every custom metadata type has: getAll() (by DeveloperName) and
 * getInstance(name or id). They read the deployed records without a SOQL query, as on the
 * platform, so they count against no limit.
 */
export function customMetadataCall(
  ex: Execution,
  object: ObjectDescribe,
  method: string,
  args: unknown[]
): unknown {
  const records = (): SObject[] => ex.org.services.packageData.customMetadata(object);
  switch (method.toLowerCase()) {
    case 'getall': {
      const map = new ApexMap(STRING_TYPE, { kind: 'sobject', object });
      for (const record of records()) map.put(record.peek('DeveloperName'), record);
      return map;
    }
    case 'getinstance': {
      const key = String(args[0] ?? '');
      return (
        records().find(
          (r) => r.id === key || String(r.peek('DeveloperName') ?? '').toLowerCase() === key.toLowerCase()
        ) ?? null
      );
    }
    default:
      throw new UnsupportedError(`${object.name}.${method}()`);
  }
}
