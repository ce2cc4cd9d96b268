/** `@salesforce/apex`: refreshApex re-runs the wire that produced a value; getSObjectValue reads a field. */
export { refreshApex } from './apexTransport';

export function getSObjectValue(
  record: Record<string, unknown>,
  field: string | { fieldApiName: string }
): unknown {
  const path = (typeof field === 'string' ? field : field.fieldApiName).split('.');
  let value: unknown = record;
  for (const part of path)
    value =
      value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return value;
}
