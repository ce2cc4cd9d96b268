import { resolve } from 'node:path';

/** Set by the bundler (bin/bundle.js) to this folder, since a bundle's own __dirname is elsewhere. */
declare const PSMS_SOURCE_DIR: string | undefined;
const SOURCE_DIR = typeof PSMS_SOURCE_DIR === 'string' ? PSMS_SOURCE_DIR : __dirname;

/** The package's metadata, which the CLI reads for what the org would know (picklists, the demo's fields). */
export const FORCE_APP_DIR = resolve(SOURCE_DIR, '../../../force-app');
