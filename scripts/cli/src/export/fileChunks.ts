import { open, type FileHandle } from 'node:fs/promises';
import { CliError, DataError } from '../errors';

/**
 * An export file as byte chunks, read into two buffers in turn: the next read runs while the
 * CSV reader parses the chunk before it (reading one chunk at a time left the parser idle ~0.5 s
 * of a 1M-row report), and the reader copies what it keeps before it asks for the chunk after,
 * so two buffers are all the memory reading takes. Fresh memory costs these VMs ~16 µs a page,
 * and a stream allocates a buffer per read. A file that cannot be read (a directory named
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
  const buffers = [Buffer.allocUnsafe(0), Buffer.allocUnsafe(0)];
  let turn = 0;
  const read = (): Promise<Uint8Array> => {
    const size = sizes();
    if (buffers[turn].length < size) buffers[turn] = Buffer.allocUnsafe(size);
    const buffer = buffers[turn];
    turn = 1 - turn;
    return file.read(buffer, 0, size, null).then(
      ({ bytesRead }) => buffer.subarray(0, bytesRead),
      (error: unknown) => Promise.reject(unreadable(path, error))
    );
  };
  let next = read();
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      next = read();
      yield chunk;
    }
  } finally {
    // A read still running when the consumer stops (a bad row) ends before the file closes.
    await next.catch(() => undefined);
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
