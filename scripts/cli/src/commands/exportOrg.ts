import { closeSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { csvLine } from '../csv/writeCsv';
import { fieldsOf, OBJECT_NAMES, type ObjectName } from '../data/schema';
import type { OrgClient } from '../org/orgClient';
import { queryRows, type OrgSourceOptions } from '../org/orgSource';
import { countRecords } from '../org/restQuery';
import { buildCount, buildSoql } from '../org/soql';

/**
 * `psms export`: one `<Object>.csv` per object the reports read (SPEC §9), with exactly the
 * columns `--data` expects, written to a temporary name and renamed when complete so that a
 * failed export never leaves a half file that a report would read as whole.
 */

const FLUSH_CHARS = 1 << 20;

export interface ExportedObject {
  object: ObjectName;
  rows: number;
  file: string;
}

export async function exportOrg(
  client: OrgClient,
  outDir: string,
  options: OrgSourceOptions = {}
): Promise<ExportedObject[]> {
  mkdirSync(outDir, { recursive: true });
  const exported: ExportedObject[] = [];
  for (const object of OBJECT_NAMES) {
    const fields = fieldsOf(object);
    const file = join(outDir, `${object}.csv`);
    const partial = `${file}.partial`;
    const fd = openSync(partial, 'w');
    let buffer = csvLine(fields);
    let rows = 0;
    try {
      const count = await countRecords(client, buildCount(object));
      await queryRows(
        client,
        buildSoql(object, fields),
        count,
        fields,
        `Exporting ${object}`,
        (values) => {
          buffer += csvLine(values);
          rows++;
          if (buffer.length > FLUSH_CHARS) {
            writeSync(fd, buffer);
            buffer = '';
          }
        },
        options
      );
      writeSync(fd, buffer);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    exported.push({ object, rows, file });
  }
  return exported;
}
