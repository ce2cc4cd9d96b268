/**
 * JSON.stringify(value) in pieces: the top-level arrays (a million hygiene findings) are written
 * element by element instead of as one string, which at a million findings was 260 MB of text
 * plus its UTF-16 copy (2.7 GiB peak). The text is the same as JSON.stringify's, byte for byte:
 * the same separators, keys whose value stringifies to nothing (undefined) left out, and
 * array elements that stringify to nothing written as null.
 */
export function* jsonChunks(value: object): Generator<string> {
  if (Array.isArray(value)) {
    yield* arrayChunks(value);
    return;
  }
  let first = true;
  for (const [key, field] of Object.entries(value)) {
    if (Array.isArray(field)) {
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
