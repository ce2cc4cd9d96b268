import type { ClassRegistry } from '../classRegistry';
import { installAssert } from './assert';
import { installAsync } from './async';
import { installDatabase } from './database';
import { installDatabaseResults } from './databaseResults';
import { installExceptions } from './exceptions';
import { installJson } from './json';
import { installPattern } from './pattern';
import { installPrimitives } from './primitiveClasses';
import { installSchema } from './schemaTokens';
import { installSecurity } from './securityClasses';
import { installSystemClasses } from './systemClasses';
import { installTypes } from './typeTokens';

/** Registers every platform class the runtime implements. Exceptions first: others extend them. */
export function installSystemLibrary(registry: ClassRegistry): void {
  installExceptions(registry);
  installTypes(registry);
  installSystemClasses(registry);
  installPrimitives(registry);
  installAssert(registry);
  installSchema(registry);
  installDatabaseResults(registry);
  installAsync(registry);
  installDatabase(registry);
  installJson(registry);
  installPattern(registry);
  installSecurity(registry);
}
