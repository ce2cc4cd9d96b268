import { open, type FileHandle } from 'node:fs/promises';
import { CliError, DataError } from '../errors';

/**
 * An export file as byte chunks, read into one buffer that every read reuses (the CSV reader
 * copies what it keeps before asking for the next chunk): fresh memory costs these VMs ~16 µs a
 * page, and a stream allocates a buffer per read. A file that cannot be read (a directory named
 * Opportunity.csv, no permission, a broken disk) is an input problem: one line naming the file,
 * exit 3.
 */

/** Read sizes: a constant in use, any sequence in tests (the reports must not depend on it). */
export type ChunkSizes = () => number;

export async function* fileChunks(path: string, sizes: ChunkSizes): AsyncGenerator<Uint8Array> {
  let file: FileHandle;
  try {
    file = await open(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    let buffer = Buffer.allocUnsafe(0);
    for (;;) {
      const size = sizes();
      if (buffer.length < size) buffer = Buffer.allocUnsafe(size);
      let bytesRead: number;
      try {
        ({ bytesRead } = await file.read(buffer, 0, size, null));
      } catch (error) {
        throw unreadable(path, error);
      }
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

const REASONS: Record<string, string> = {
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file',
  ELOOP: 'a loop of symbolic links',
  EIO: 'an input/output error'
};

/** The reason a file cannot be read, in words, as a data error (exit 3). */
export function unreadable(path: string, error: unknown): CliError {
  if (error instanceof CliError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return new DataError(`${path}: cannot be read: ${REASONS[code] ?? (code || String(error))}`);
}
