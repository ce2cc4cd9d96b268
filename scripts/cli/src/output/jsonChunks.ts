/**
 * JSON.stringify(value) in pieces: the top-level arrays are written element by element, or (a
 * million hygiene findings) as the UTF-8 parts the report wrote them into, instead of as one
 * string, which at a million findings was 260 MB of text plus its UTF-16 copy (2.7 GiB peak).
 * The text is the same as JSON.stringify's, byte for byte: the same separators, keys whose value
 * stringifies to nothing (undefined) left out, and array elements that stringify to nothing
 * written as null.
 */
export function* jsonChunks(value: object): Generator<string | Uint8Array> {
  if (Array.isArray(value)) {
    yield* arrayChunks(value);
    return;
  }
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field instanceof JsonPieces) {
      yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
      yield* field.chunks();
    } else if (Array.isArray(field)) {
      yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
      yield* arrayChunks(field);
    } else {
      const text = JSON.stringify(field) as string | undefined;
      if (text === undefined) continue;
      yield `${first ? '{' : ','}${JSON.stringify(key)}:${text}`;
    }
    first = false;
  }
  yield first ? '{}' : '}';
}

function* arrayChunks(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i++) {
    const text = (JSON.stringify(items[i]) as string | undefined) ?? 'null';
    yield i === 0 ? text : `,${text}`;
  }
  yield ']';
}

/** A JSON array already written as UTF-8: pieces of one or more elements each, in order. */
export class JsonPieces {
  constructor(readonly pieces: readonly Uint8Array[]) {}

  *chunks(): Generator<string | Uint8Array> {
    yield '[';
    for (let i = 0; i < this.pieces.length; i++) {
      if (i > 0) yield ',';
      yield this.pieces[i];
    }
    yield ']';
  }

  /** What any other reader of the report's JSON sees: the array itself. */
  toJSON(): unknown[] {
    const utf8 = new TextDecoder();
    return JSON.parse(`[${this.pieces.map((piece) => utf8.decode(piece)).join(',')}]`) as unknown[];
  }
}
