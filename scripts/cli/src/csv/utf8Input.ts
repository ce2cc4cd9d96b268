import { isAscii } from 'node:buffer';
import { DataError } from '../errors';

/**
 * Bytes to text for the CSV reader: UTF-8 only (a byte-order mark is allowed), as Salesforce
 * writes exports. Anything else is refused as what it looks like, never guessed: a Latin-1 é
 * would otherwise become U+FFFD in a name and a UTF-16 file "missing column Id".
 *
 * Exports are almost always pure ASCII, and an ASCII chunk is decoded as Latin-1 (the same text,
 * ~10x faster than the UTF-8 decoder). A chunk with any byte above 0x7f goes through the
 * streaming UTF-8 decoder instead; so does a chunk that continues a character split at the
 * previous boundary (continuation bytes are above 0x7f), so the decoder never has a partial
 * character pending when a chunk bypasses it.
 */

/** Where the text goes: the parser, which also says which line the next text starts on. */
export interface TextSink {
  push(text: string): void;
  pushAscii(bytes: Uint8Array): void;
  readonly nextLine: number;
}

const ADVICE = 'save it as UTF-8 (in Excel: CSV UTF-8)';

export class Utf8Input {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** The first bytes, held until there are two: enough to tell UTF-16 from UTF-8. */
  private head: Uint8Array | null = new Uint8Array(0);
  /**
   * The bytes of a character the last chunk ended inside (the decoder holds them): while there
   * are any, the next chunk must go to the decoder, and an error may lie in them.
   */
  private partial: Uint8Array = new Uint8Array(0);

  constructor(
    private readonly file: string,
    private readonly sink: TextSink
  ) {}

  push(chunk: Uint8Array): void {
    if (this.head !== null) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head);
      head.set(chunk, this.head.length);
      if (head.length < 2) {
        this.head = head;
        return;
      }
      this.head = null;
      this.refuseUtf16(head);
      chunk = head;
    }
    if (this.partial.length === 0 && isAscii(chunk)) {
      this.sink.pushAscii(chunk);
      return;
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.notUtf8(chunk);
    }
    // A character may span several chunks. A copy: a reader may reuse the chunk's memory.
    const tail = this.partial.length === 0 ? chunk : Buffer.concat([this.partial, chunk]);
    this.partial = new Uint8Array(tail.subarray(tail.length - partialLength(tail)));
    this.sink.push(text);
  }

  end(): void {
    if (this.head !== null && this.head.length > 0) {
      const head = this.head;
      this.head = null;
      this.push(head);
    }
    let tail: string;
    try {
      tail = this.decoder.decode();
    } catch {
      throw new DataError(
        `${this.file}:${this.sink.nextLine}: is not UTF-8 (it ends inside a character); ${ADVICE}`
      );
    }
    if (tail !== '') this.sink.push(tail);
  }

  /** A CSV header starts with a letter: a zero byte beside it (or a UTF-16 mark) means UTF-16. */
  private refuseUtf16(bytes: Uint8Array): void {
    const [first, second] = bytes;
    const order =
      (first === 0xff && second === 0xfe) || (first !== 0 && second === 0)
        ? 'LE'
        : (first === 0xfe && second === 0xff) || (first === 0 && second !== 0)
          ? 'BE'
          : null;
    if (order !== null)
      throw new DataError(`${this.file}: is not UTF-8 (looks like UTF-16 ${order}); ${ADVICE}`);
  }

  /** The line of the first byte that is no UTF-8, and what the file looks like. */
  private notUtf8(chunk: Uint8Array): DataError {
    const bytes = Buffer.concat([this.partial, chunk]);
    const at = firstInvalidByte(bytes);
    let line = this.sink.nextLine;
    for (let i = 0; i < at; i++) if (bytes[i] === 10) line++;
    const byte = bytes[at].toString(16).toUpperCase().padStart(2, '0');
    return new DataError(
      `${this.file}:${line}: is not UTF-8 (byte 0x${byte}; looks like Latin-1 or Windows-1252); ${ADVICE}`
    );
  }
}

/** How many bytes at the end of `bytes` begin a character that needs more than are there (0–3). */
function partialLength(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) !== 0x80) {
      const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return back < needs ? back : 0;
    }
  }
  return 0;
}

/** How many bytes the UTF-8 character that `byte` starts takes, or 0 when no character starts so. */
function sequenceLength(byte: number): number {
  if (byte < 0x80) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 0;
}

/** The index of the first byte that cannot be part of well-formed UTF-8 (the last when none is found). */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = sequenceLength(bytes[i]);
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length - 1;
}
