// A subchart archive (`charts/*.tgz`) is unpacked into the chart copy, and helm renders the
// folder: helm would read the archive itself, where a copy cannot leave anything out, and an
// archive's values.schema.json can name `file:///etc/...` as well as a folder's can (helm v3 and
// v4 both open it). Only regular files are written, under the folder, the way helm's archive
// loader names them (the archive's first folder is the chart); what helm would reach outside the
// repository through them is left out and reported. An archive that cannot be read is left out
// whole: helm then says the subchart is missing (fail closed), never reads what we did not.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { entriesSync, type Codec } from 'tar';
import { isInside } from '../read-file.js';

/** An entry left out, at the repository path of the archive holding it. */
export interface LeftOut {
  file: string;
  message: string;
}

/** A subchart archive, by its path inside a chart (helm loads these, at every level). */
export const SUBCHART_ARCHIVE = /(?:^|\/)charts\/[^/]+\.tgz$/;

/** How much of the copy's budget is used; shared with the files copied. */
export interface Budget {
  files: number;
  bytes: number;
  maxFiles: number;
  maxBytes: number;
}

/** Types whose body a tar reader gives as a file's content. */
const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/** Archives inside archives deeper than this are refused (helm would recurse; charts nest one). */
const MAX_NESTING = 8;

/** Gzip for the sync reader, bounded by what is left of the budget. */
const GZIP: Codec = {
  name: 'gzip',
  headLength: 2,
  detect: (head) => head[0] === 0x1f && head[1] === 0x8b,
  decompress: () => new DecompressionStream('gzip'),
  decompressSync: (data, { maxOutputLength }) =>
    gunzipSync(data, { maxOutputLength: Math.min(maxOutputLength, 2 ** 31 - 1) }),
};

/**
 * Unpacks the archive `bytes` (at repository path `shown`) into the folder `target` (which must
 * not exist), schemas checked with `schemaProblem`; returns what was left out. `inner`: the
 * path of a nested archive inside the one the repository holds, for the messages.
 */
export function unpackSubchart(
  bytes: Uint8Array,
  target: string,
  shown: string,
  budget: Budget,
  schemaProblem: (text: string) => string | undefined,
  inner = '',
): LeftOut[] {
  const leftOut: LeftOut[] = [];
  const where = (name: string) => `${inner}${name}`;
  try {
    for (const { name, body } of archiveFiles(bytes, budget)) {
      const destination = path.join(target, ...name.split('/'));
      // `..\` is no `..` part, but on Windows it climbs out of the folder.
      if (!isInside(destination, target) || destination === target) {
        throw new Error(`entry ${JSON.stringify(name)} leaves the chart's folder`);
      }
      if (path.basename(name) === 'values.schema.json') {
        const problem = schemaProblem(new TextDecoder().decode(body));
        if (problem) {
          leftOut.push({
            file: shown,
            message: `${where(name)} in the subchart archive refers to ${problem}, which helm would fetch or read: left out, so helm does not validate values against it`,
          });
          continue;
        }
      }
      if (SUBCHART_ARCHIVE.test(name)) {
        const nesting = inner.split(' > ').length;
        if (nesting > MAX_NESTING) throw new Error(`${where(name)}: archives nested too deep`);
        const into = destination.replace(/\.tgz$/, '');
        leftOut.push(
          ...unpackSubchart(body, into, shown, budget, schemaProblem, `${where(name)} > `),
        );
        continue;
      }
      mkdirSync(path.dirname(destination), { recursive: true });
      // A name written twice: the last one, as helm's loader keeps the last.
      writeFileSync(destination, body);
    }
    mkdirSync(target, { recursive: true });
  } catch (error) {
    rmSync(target, { recursive: true, force: true });
    return [
      {
        file: shown,
        message: `subchart archive${inner ? ` ${inner.slice(0, -3)}` : ''} that cannot be read (${(error as Error).message}); left out of the chart`,
      },
    ];
  }
  return leftOut;
}

/** The archive's regular files, named as helm's loader names them. Throws what cannot be read. */
function* archiveFiles(
  bytes: Uint8Array,
  budget: Budget,
): Generator<{ name: string; body: Uint8Array }> {
  const reader = entriesSync(bytes, {
    // Anything the reader would warn of (a bad checksum, data that is no archive) fails it.
    strict: true,
    codecs: [GZIP],
    maxDecompressionRatio: Math.max(1, (budget.maxBytes - budget.bytes) / bytes.length),
  });
  for (const entry of reader) {
    if (!FILE_TYPES.has(entry.type)) continue; // folders are made as files need them
    // helm drops the first folder (the chart's name) and refuses `..`.
    const name = entry.path.split('/').slice(1).join('/');
    if (name === '' || name.split('/').some((part) => part === '..' || part === '')) {
      throw new Error(`entry ${JSON.stringify(entry.path)} leaves the chart's folder`);
    }
    budget.files += 1;
    budget.bytes += entry.size;
    if (budget.files > budget.maxFiles || budget.bytes > budget.maxBytes) {
      throw new Error('over the chart size limit');
    }
    yield { name, body: entry.bytes() };
  }
}
