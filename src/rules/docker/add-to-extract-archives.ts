import { defineDockerRule } from '../define.js';
import type { DockerfileModel } from '../../sources/dockerfile.js';
import { argsWithoutFlags, type ShellCommand } from '../../sources/shell.js';
import type { DockerViolation } from '../types.js';
import { argsOf, at } from './helpers.js';
import { flag } from '../../sources/dockerfile.js';

// Archive suffixes `ADD` extracts (case matters, as in hadolint).
const ARCHIVE_SUFFIXES = [
  '.tar',
  '.Z',
  '.bz2',
  '.gz',
  '.lz',
  '.lzma',
  '.tZ',
  '.tb2',
  '.tbz',
  '.tbz2',
  '.tgz',
  '.tlz',
  '.tpz',
  '.txz',
  '.xz',
];
const DECOMPRESSORS = new Set([
  'unzip',
  'gunzip',
  'bunzip2',
  'unlzma',
  'unxz',
  'zgz',
  'uncompress',
  'zcat',
  'gzcat',
]);

/** Last path component, Linux or Windows separators. */
const fileName = (path: string) =>
  path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
const isArchive = (path: string) => ARCHIVE_SUFFIXES.some((suffix) => path.endsWith(suffix));

function extracts(command: ShellCommand): boolean {
  if (DECOMPRESSORS.has(command.name)) return true;
  return (
    command.name === 'tar' &&
    command.args.some(
      (arg) => arg === '--extract' || arg === '--get' || (/^-[^-]/.test(arg) && arg.includes('x')),
    )
  );
}

function check(dockerfile: DockerfileModel): DockerViolation[] {
  // Archive file name -> the COPY lines that put it in the image (this stage).
  let copied = new Map<string, number[]>();
  const flagged = new Set<number>();
  const violations: DockerViolation[] = [];
  for (const instruction of dockerfile.instructions) {
    if (instruction.keyword === 'FROM') {
      copied = new Map();
    } else if (instruction.keyword === 'COPY' && !flag(instruction, 'from')) {
      const args = argsOf(instruction);
      const target = args.at(-1) ?? '';
      const archives = isArchive(target) ? [target] : args.slice(0, -1).filter(isArchive);
      for (const archive of archives.map(fileName)) {
        copied.set(archive, [...(copied.get(archive) ?? []), instruction.line]);
      }
    } else if (instruction.keyword === 'RUN' && instruction.shell) {
      for (const command of instruction.shell.commands.filter(extracts)) {
        for (const arg of argsWithoutFlags(command)) {
          for (const line of copied.get(fileName(arg)) ?? []) flagged.add(line);
        }
      }
    }
  }
  for (const instruction of dockerfile.instructions) {
    if (flagged.has(instruction.line) && instruction.keyword === 'COPY') {
      violations.push(at(instruction, 'Use ADD for extracting archives into an image'));
    }
  }
  return violations;
}

export const addToExtractArchives = defineDockerRule({
  meta: {
    id: 'DL3010',
    name: 'add-to-extract-archives',
    severity: 'low',
    title: 'Use ADD for extracting archives into an image',
    description:
      'Flags a `COPY` of a local archive that a later `RUN` of the same stage extracts (`tar -x`, `unzip`, `gunzip`...). The finding is on the `COPY`.',
    rationale:
      '`COPY` then `RUN tar -x` stores the archive in one layer and its contents in another; `ADD` extracts a local archive in a single step, and the archive itself never lands in the image.',
    fix: '```dockerfile\nADD app.tar.gz /usr/src/app/\n```',
  },
  check,
});
