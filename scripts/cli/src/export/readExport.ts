import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvStream } from '../csv/streamingCsv';
import { rowReader } from '../data/convert';
import { fieldsToRead, type DataSource, type LoadRequest, type RawRecord } from '../data/loadRequest';
import { DataError } from '../errors';
import { silentProgress, type Progress } from '../progress';
import { fileChunks, unreadable, type ChunkSizes } from './fileChunks';

/** The export adapter: a folder with one `<ObjectApiName>.csv` per object (SPEC §9). */

/**
 * 64 KiB reads. A larger chunk is no faster to parse, and each one is fresh memory (a read
 * buffer and its decoded text, both outside the reused young generation): on this project's
 * VMs first-touching a page costs ~16 µs, so 4 MiB chunks spent ~1 s of a 1M-row report
 * faulting pages in. Small chunks recycle the same memory.
 */
export const CHUNK_BYTES = 1 << 16;

/** `chunkSizes`: the size of each read (tests vary it: no report may depend on where chunks end). */
export function exportFolderSource(
  folder: string,
  progress: Progress = silentProgress,
  chunkSizes: ChunkSizes = () => CHUNK_BYTES
): DataSource {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new DataError(`export folder not found: ${folder}`);
  }
  return {
    description: folder,
    orgFiscalYearStartMonth: async () => undefined,
    settingsRecords: async () => undefined,
    async each(request: LoadRequest, onRecord: (record: RawRecord) => void): Promise<void> {
      const name = `${request.object}.csv`;
      const path = join(folder, name);
      try {
        statSync(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unreadable(path, error);
        if (request.optional) return;
        throw new DataError(`${path}: missing file (the report needs ${request.object})`);
      }
      const fields = fieldsToRead(request);
      const { build, inScope } = await rowReader(request.object, fields, name, {
        kept: request.kept,
        where: request.where
      });
      const label = `Reading ${name}`;
      let read = 0;
      let rowsInScope = 0;
      const { rows } = await parseCsvStream(
        // Bytes, not text: parseCsvStream decodes ASCII chunks far faster than a stream's decoder.
        fileChunks(path, chunkSizes),
        name,
        fields.map((field) => ({ name: field, required: true })),
        (values, line) => {
          if ((++read & 0xffff) === 0) progress.update(label, read);
          if (inScope === null || inScope(values)) {
            rowsInScope++;
            onRecord(build(values, line));
          }
        }
      );
      if (rows >= 100_000)
        progress.finish(
          label,
          `${rows.toLocaleString('en-US')} rows, ${rowsInScope.toLocaleString('en-US')} in scope`
        );
    }
  };
}
