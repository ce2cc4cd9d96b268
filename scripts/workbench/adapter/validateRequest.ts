import { badRequest } from './requestError';

/**
 * Request validation: every operation reads its body through one of these, so a missing,
 * mistyped or unexpected property is a 400 naming the property, before anything is read or
 * written. Apex would reject the same payloads when deserialising into its typed parameters.
 */

export type Body = Record<string, unknown>;

export function asBody(value: unknown, allowed: readonly string[]): Body {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest('The request body must be a JSON object.');
  const unexpected = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unexpected.length > 0)
    throw badRequest(`Unexpected property ${unexpected.map((k) => `"${k}"`).join(', ')}.`);
  return value as Body;
}

export function requiredString(body: Body, key: string, maxLength = 255): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`"${key}" is required.`);
  if (value.length > maxLength) throw badRequest(`"${key}" is longer than ${maxLength} characters.`);
  return value.trim();
}

export function optionalString(body: Body, key: string, maxLength = 255): string | null {
  const value = body[key];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw badRequest(`"${key}" must be text.`);
  if (value.length > maxLength) throw badRequest(`"${key}" is longer than ${maxLength} characters.`);
  return value.trim() === '' ? null : value.trim();
}

export function requiredNumber(
  body: Body,
  key: string,
  options: { min?: number; max?: number } = {}
): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`"${key}" must be a number.`);
  if (options.min !== undefined && value < options.min)
    throw badRequest(`"${key}" must be at least ${options.min}.`);
  if (options.max !== undefined && value > options.max)
    throw badRequest(`"${key}" must be at most ${options.max}.`);
  return value;
}

export function optionalNumber(body: Body, key: string, options: { min?: number } = {}): number | null {
  return body[key] === undefined || body[key] === null ? null : requiredNumber(body, key, options);
}

export function requiredBoolean(body: Body, key: string): boolean {
  const value = body[key];
  if (typeof value !== 'boolean') throw badRequest(`"${key}" must be true or false.`);
  return value;
}

export function oneOf<T extends string>(body: Body, key: string, values: readonly T[]): T {
  const value = body[key];
  if (typeof value !== 'string' || !values.includes(value as T))
    throw badRequest(`"${key}" must be one of: ${values.join(', ')}.`);
  return value as T;
}

export function period(body: Body, key = 'period'): string {
  const value = requiredString(body, key, 20);
  if (!/^FY\d{4}-Q[1-4]$/.test(value))
    throw badRequest(`"${key}" must be a fiscal quarter such as FY2026-Q4, not "${value}".`);
  return value;
}

/** A Salesforce-shaped id: 15 or 18 letters and digits. */
export function recordIdOf(body: Body, key: string): string {
  const value = requiredString(body, key, 18);
  if (!/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(value))
    throw badRequest(`"${key}" is not a record id: "${value}".`);
  return value;
}

export function optionalRecordId(body: Body, key: string): string | null {
  return body[key] === undefined || body[key] === null || body[key] === '' ? null : recordIdOf(body, key);
}

export function optionalDate(body: Body, key: string): string | null {
  const value = optionalString(body, key, 10);
  if (
    value !== null &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
  ) {
    throw badRequest(`"${key}" must be a date YYYY-MM-DD, not "${value}".`);
  }
  return value;
}

export function nested(body: Body, key: string, allowed: readonly string[]): Body {
  if (body[key] === undefined) throw badRequest(`"${key}" is required.`);
  try {
    return asBody(body[key], allowed);
  } catch (error) {
    throw badRequest(`In "${key}": ${(error as Error).message}`);
  }
}
