/**
 * JSON.stringify(value) in pieces: the top-level arrays (a million hygiene findings) are written
 * element by element instead of as one string, which at a million findings was 260 MB of text
 * plus its UTF-16 copy (2.7 GiB peak). The text is the same as JSON.stringify's, byte for byte:
 * the same separators, keys whose value stringifies to nothing (undefined) left out, and
 * array elements that stringify to nothing written as null.
 */
export function* jsonChunks(value: object): Generator<string> {
  if (value instanceof JsonRows) {
    yield* rowsChunks(value);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value);
    return;
  }
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (field instanceof JsonRows || field instanceof JsonPieces) {
      yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
      yield* field instanceof JsonPieces ? field.chunks() : rowsChunks(field as JsonRows<unknown>);
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

/**
 * A JSON array whose elements the report writes itself, each exactly as JSON.stringify writes
 * the object it stands for: a million hygiene findings are then written straight from the
 * engine's findings, not copied into a million objects first to be stringified one by one.
 */
export class JsonRows<T> {
  constructor(
    readonly items: readonly T[],
    readonly render: (item: T) => string
  ) {}

  /** What any other reader of the report's JSON sees: the array itself. */
  toJSON(): unknown[] {
    return this.items.map((item) => JSON.parse(this.render(item)) as unknown);
  }
}

function* rowsChunks<T>(rows: JsonRows<T>): Generator<string> {
  const { items, render } = rows;
  yield '[';
  for (let i = 0; i < items.length; i++) yield i === 0 ? render(items[i]) : `,${render(items[i])}`;
  yield ']';
}

/** A JSON array already written as text: pieces of one or more elements each, in order. */
export class JsonPieces {
  constructor(readonly pieces: readonly string[]) {}

  *chunks(): Generator<string> {
    yield '[';
    for (let i = 0; i < this.pieces.length; i++) yield i === 0 ? this.pieces[i] : `,${this.pieces[i]}`;
    yield ']';
  }

  /** What any other reader of the report's JSON sees: the array itself. */
  toJSON(): unknown[] {
    return JSON.parse(`[${this.pieces.join(',')}]`) as unknown[];
  }
}
