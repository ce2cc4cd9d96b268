import { PlatformError } from '../platformError';
import { coerce } from './operators';
import type { ApexType } from './types';
import { ApexList } from './values/collections';

/**
 * The conversion at a typed boundary (declaration, assignment, parameter, return): Apex's
 * implicit conversions, plus the one SOQL adds — a query assigned to a single SObject takes its
 * only row, and fails as the platform does when there is none or more than one.
 */
export function coerceToDeclared(value: unknown, type: ApexType): unknown {
  if (value instanceof ApexList && value.fromSoql && type.kind === 'sobject') return singleRow(value);
  return coerce(value, type);
}

export function singleRow(list: ApexList): unknown {
  if (list.items.length === 0)
    throw new PlatformError('System.QueryException', `List has no rows for assignment to SObject`);
  if (list.items.length > 1)
    throw new PlatformError('System.QueryException', `List has more than 1 row for assignment to SObject`);
  return list.items[0];
}
