import { PlatformError } from '../platformError';

/**
 * The QueryExceptions the platform raises for a malformed or invalid query, worded as the
 * platform words them so that Apex code and tests matching on the message behave the same.
 */
export function queryError(message: string, details?: unknown): PlatformError {
  return new PlatformError('System.QueryException', message, details);
}

export function unexpectedToken(text: string): PlatformError {
  return queryError(`unexpected token: '${text}'`);
}

export function unknownObject(name: string): PlatformError {
  return queryError(
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

export function noSuchColumn(name: string, object: string): PlatformError {
  return queryError(
    `No such column '${name}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

export function unknownRelationship(
  name: string,
  where: 'field path' | 'FROM part of query call'
): PlatformError {
  return queryError(
    `Didn't understand relationship '${name}' in ${where}. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

/** What `QueryException.getInaccessibleFields()` returns: object name → the fields the user may not read. */
export interface InaccessibleFields {
  inaccessibleFields: Map<string, Set<string>>;
}

export function inaccessible(fields: Map<string, Set<string>>): PlatformError {
  const details: InaccessibleFields = { inaccessibleFields: fields };
  return queryError('Insufficient permissions: secure query included inaccessible field', details);
}
