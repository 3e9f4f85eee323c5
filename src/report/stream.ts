// Reports written piece by piece: a 10,000-resource scan has some 60,000 findings, and its JSON
// or SARIF text as one string (plus the object built for it) would cost more memory than the
// scan itself. A document is described as plain data whose big arrays are `streamedArray`s;
// `jsonChunks` yields exactly the text JSON.stringify gives for the same data with real arrays
// (`materialize`), one array element at a time, and `writeChunks` writes the chunks to a stream,
// waiting whenever it is full.
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * An array in a streamed document whose elements are made and serialised one at a time. It sits
 * in the document's frame: its elements are serialised whole, and may be streamed arrays
 * themselves, but hold none deeper down.
 */
export class StreamedArray<T = unknown> {
  constructor(readonly items: Iterable<T>) {}

  /** JSON.stringify meets one only out of place: fail rather than write `{}`. */
  toJSON(): never {
    throw new TypeError('a streamed array can only be in the frame of a streamed document');
  }
}

export function streamedArray<T>(items: Iterable<T>): StreamedArray<T> {
  return new StreamedArray(items);
}

/** `items` mapped lazily: the mapped values exist one at a time. */
export function* mapLazily<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** The same document with every streamed array made a real array: what gets streamed, as data. */
export function materialize(value: unknown): unknown {
  if (value instanceof StreamedArray) {
    return Array.from(value.items, (item) =>
      item instanceof StreamedArray ? materialize(item) : item,
    );
  }
  if (!holdsStreamedArray(value)) return value;
  if (Array.isArray(value)) return value.map(materialize);
  return Object.fromEntries(
    Object.entries(value as object).map(([key, item]) => [key, materialize(item)]),
  );
}

/**
 * The text of `JSON.stringify(materialize(document), null, indent)`, in pieces. Only the frame
 * (the streamed arrays and the plain objects and arrays that hold them) is walked here; every
 * other value, and every element of a streamed array, is serialised whole by JSON.stringify and
 * indented to its depth.
 */
export function* jsonChunks(document: unknown, indent: number): Generator<string> {
  // As JSON.stringify's `space`: at most 10 spaces; none writes everything on one line.
  const unit = ' '.repeat(Math.max(0, Math.min(10, Math.trunc(indent))));
  const newline = unit ? '\n' : '';
  const colon = unit ? ': ' : ':';
  // A frame's pieces, or the text of any other value (undefined for one JSON.stringify drops:
  // undefined, a function), at the indentation `pad`.
  function frameOrText(
    value: unknown,
    pad: string,
    inFrame: boolean,
  ): Generator<string> | string | undefined {
    if (value instanceof StreamedArray || (inFrame && holdsStreamedArray(value))) {
      return frame(value, pad);
    }
    return JSON.stringify(value, null, indent)?.replaceAll('\n', `\n${pad}`);
  }
  function* frame(value: unknown, pad: string): Generator<string> {
    const inner = pad + unit;
    if (value instanceof StreamedArray || Array.isArray(value)) {
      const streamed = value instanceof StreamedArray;
      const items: Iterable<unknown> = streamed ? value.items : value;
      let empty = true;
      for (const item of items) {
        yield `${empty ? '[' : ','}${newline}${inner}`;
        empty = false;
        // As JSON.stringify does, an element with no JSON form is null.
        const text = frameOrText(item, inner, !streamed) ?? 'null';
        if (typeof text === 'string') yield text;
        else yield* text;
      }
      yield empty ? '[]' : `${newline}${pad}]`;
      return;
    }
    let empty = true;
    for (const [key, item] of Object.entries(value as object)) {
      const text = frameOrText(item, inner, true);
      if (text === undefined) continue; // a property JSON.stringify leaves out
      yield `${empty ? '{' : ','}${newline}${inner}${JSON.stringify(key)}${colon}`;
      empty = false;
      if (typeof text === 'string') yield text;
      else yield* text;
    }
    yield empty ? '{}' : `${newline}${pad}}`;
  }
  const text = frameOrText(document, '', true);
  if (typeof text === 'string') yield text;
  else if (text) yield* text;
}

/** A plain array or object of the frame: with a streamed array inside, not one's elements. */
function holdsStreamedArray(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value)) {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) return false;
  }
  return Object.values(value).some(
    (item) => item instanceof StreamedArray || holdsStreamedArray(item),
  );
}

/** Joins small chunks into writes of about `size` characters: one write per finding is slow. */
export function* batched(chunks: Iterable<string>, size = 64 * 1024): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (length) yield batch.join('');
}

/**
 * Writes `chunks` to `out`, waiting for 'drain' whenever its buffer is full, so no more than a
 * batch and the stream's buffer is ever held. `end: true` for a file, which is then closed;
 * never for standard output. Rejects with the stream's error (EPIPE, ENOSPC, ...).
 */
export async function writeChunks(
  chunks: Iterable<string>,
  out: Writable,
  { end = false }: { end?: boolean } = {},
): Promise<void> {
  await pipeline(batched(chunks), out, { end });
}
