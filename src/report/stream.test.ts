import { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batched,
  jsonChunks,
  mapLazily,
  materialize,
  streamedArray,
  writeChunks,
} from './stream.js';

const text = (document: unknown, indent = 2) => [...jsonChunks(document, indent)].join('');

describe('jsonChunks', () => {
  it('writes what JSON.stringify writes for the materialized document', () => {
    const document = {
      version: 1,
      tool: { name: 'kpg', nested: { list: [1, 2, { deep: ['a\nb', '"q"'] }] } },
      empty: streamedArray([]),
      emptyObject: {},
      emptyList: [],
      items: streamedArray([
        { a: 1, b: [1, 2], c: { d: 'x\ty' }, skipped: undefined },
        'text with\nnewline',
        null,
        [],
        {},
        [[{}], [1, [2, [3]]]],
      ]),
      dropped: undefined,
      runs: [{ inner: streamedArray([{ x: 1 }, { y: { z: [true, false] } }]), after: 'é\u2028' }],
      last: 0,
    };
    const expected = JSON.stringify(materialize(document), null, 2);
    expect(text(document)).toBe(expected);
    expect(expected).toContain('"items": [\n    {\n      "a": 1,\n      "b": [\n        1,');
    expect(text(document, 4)).toBe(JSON.stringify(materialize(document), null, 4));
  });

  it('drops properties and nulls elements as JSON.stringify does', () => {
    const document = {
      gone: undefined,
      fn: () => 1,
      list: streamedArray([undefined, () => 1, 1]),
      kept: streamedArray([]),
    };
    expect(text(document)).toBe(JSON.stringify({ list: [null, null, 1], kept: [] }, null, 2));
  });

  it('streams a top-level array, and a frame with only streamed arrays', () => {
    expect(text(streamedArray([1, { a: [] }]))).toBe(JSON.stringify([1, { a: [] }], null, 2));
    expect(text(streamedArray([]))).toBe('[]');
    expect(text([streamedArray([])])).toBe('[\n  []\n]');
    expect(text({ a: streamedArray([streamedArray([1])]) })).toBe(
      JSON.stringify({ a: [[1]] }, null, 2),
    );
  });

  it('makes streamed elements one at a time, as they are written', () => {
    let made = 0;
    const chunks = jsonChunks(
      { items: streamedArray(mapLazily([1, 2, 3], (n) => ({ n, made: ++made }))) },
      2,
    );
    const seen: number[] = [];
    for (const _chunk of chunks) seen.push(made);
    expect(made).toBe(3);
    // Never more made than written: the first element only once the frame is out.
    expect(seen[0]).toBe(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('matches JSON.stringify on random documents', () => {
    // Frames nest through plain objects and arrays; a streamed array's elements are values, or
    // streamed arrays themselves.
    const streamed = fc.letrec((tie) => ({
      array: fc
        .array(fc.oneof({ depthSize: 'small' }, fc.jsonValue(), tie('array')))
        .map((items) => streamedArray(items)),
    })).array;
    const frame = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue(),
        streamed,
        fc.array(tie('value')),
        fc.dictionary(fc.string(), tie('value')),
      ),
    })).value;
    fc.assert(
      fc.property(frame, fc.integer({ min: -1, max: 12 }), (document, indent) => {
        expect(text(document, indent)).toBe(JSON.stringify(materialize(document), null, indent));
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });

  it('refuses a streamed array inside a streamed element, rather than writing {}', () => {
    const misplaced = { list: streamedArray([{ inner: streamedArray([1]) }]) };
    expect(() => text(misplaced)).toThrow(/frame of a streamed document/);
    expect(() => JSON.stringify({ list: streamedArray([]) })).toThrow(TypeError);
  });
});

describe('batched', () => {
  it('joins chunks into writes of at least the batch size, except the last', () => {
    const batches = [...batched(['ab', 'cd', 'e', 'fgh', 'i'], 4)];
    expect(batches).toEqual(['abcd', 'efgh', 'i']);
    expect([...batched([], 4)]).toEqual([]);
  });
});

/** A slow reader: takes each write only on the next turn of the event loop. */
function slowSink(highWaterMark: number) {
  const received: string[] = [];
  let mostBuffered = 0;
  let drains = 0;
  const sink = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      setImmediate(done);
    },
  });
  const write = sink.write.bind(sink);
  sink.write = ((chunk: string, ...rest: never[]) => {
    const ok = write(chunk, ...rest);
    mostBuffered = Math.max(mostBuffered, sink.writableLength);
    return ok;
  }) as typeof sink.write;
  sink.on('drain', () => drains++);
  return { sink, received, stats: () => ({ mostBuffered, drains }) };
}

describe('writeChunks', () => {
  const chunks = function* () {
    for (let i = 0; i < 5000; i++) yield `{"n": ${i}, "text": "${'x'.repeat(50)}"},\n`;
  };
  const expected = [...chunks()].join('');

  it('waits for drain, so a slow reader never has more than a batch buffered', async () => {
    const { sink, received, stats } = slowSink(1024);
    await writeChunks(chunks(), sink, { end: true });
    expect(received.join('')).toBe(expected);
    expect(sink.writableFinished).toBe(true);
    // Each write is one batch (64 KiB and a chunk at most); it waits until that one is taken.
    expect(stats().drains).toBeGreaterThan(1);
    expect(stats().mostBuffered).toBeLessThanOrEqual(64 * 1024 + 100);
  });

  it('leaves the stream open without end (standard output)', async () => {
    const { sink, received } = slowSink(1024);
    await writeChunks(['a', 'b'], sink);
    expect(sink.writableEnded).toBe(false);
    sink.end('c');
    await new Promise((resolve) => sink.on('finish', resolve));
    expect(received.join('')).toBe('abc');
  });

  it("rejects with the stream's error", async () => {
    const broken = new Writable({
      write(_chunk, _encoding, done) {
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    await expect(writeChunks(chunks(), broken)).rejects.toMatchObject({ code: 'EPIPE' });
  });
});
