// Every hostile input at once, through the bundled CLI as a user runs it, with a capped heap: the
// scan finishes (running out of memory would be a crash, not a report), fails closed, names each
// bad file, and prints no stack trace.
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, GOOD_MANIFEST, STACK_FRAME, tempRepo, type CliRun, type Repo } from './support.js';

const HEAP_MB = 256;

describe('dist/cli.js on a repository of hostile files', () => {
  let repo: Repo;
  let json: CliRun;
  let table: CliRun;
  beforeAll(async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    repo.write('broken.yaml', 'kind: Pod\nmetadata:\n  name: [unclosed\n');
    repo.write('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    repo.write(
      'bomb.yaml',
      'a: &a [x,x,x,x,x,x,x,x,x]\n' +
        'bcdefgh'
          .split('')
          .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)
          .join('\n'),
    );
    repo.write('deep.yaml', `kind: Pod\nspec: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
    repo.write('Dockerfile', 'FROM debian\nRUN <<EOF\napt-get update \\\n');
    symlinkSync('..', path.join(repo.root, 'loop'));
    // A FIFO would block a reader forever; a name that is not UTF-8 hid its Pod.
    execFileSync('mkfifo', [path.join(repo.root, 'pipe.yaml')]);
    writeFileSync(Buffer.from(`${repo.root}/bad-\xff.yaml`, 'latin1'), GOOD_MANIFEST);
    symlinkSync('/etc', path.join(repo.root, 'outside'));
    const fd = openSync(path.join(repo.root, 'huge.yaml'), 'w');
    const chunk = Buffer.from(
      'kind: ConfigMap\nmetadata: {name: c}\ndata: {k: v}\n---\n'.repeat(20_000),
    );
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk);
    closeSync(fd);
    json = await cli(['scan', '.', '--format', 'json', '--policy', 'default'], repo.root, HEAP_MB);
    table = await cli(['scan', '.', '--policy', 'default'], repo.root, HEAP_MB);
  }, 180_000);
  afterAll(() => repo?.remove());

  it('fails closed with a parseable report and no stack trace', () => {
    expect(json.code).toBe(1);
    expect(json.stderr).not.toMatch(STACK_FRAME);
    expect(table.code).toBe(1);
    expect(table.stderr).not.toMatch(STACK_FRAME);
    expect(table.stdout).not.toMatch(STACK_FRAME);
  });

  it('names every unreadable file, with a line where one is known', () => {
    const report = JSON.parse(json.stdout) as {
      findings: Array<{ ruleId: string; file: string; line: number }>;
      errors: Array<{ file: string; line?: number; message: string }>;
    };
    const unreadable = report.findings.filter((finding) => finding.ruleId === 'KPG001');
    expect(unreadable.map((finding) => finding.file).sort()).toEqual([
      'binary.yaml',
      'bomb.yaml',
      'broken.yaml',
      'deep.yaml',
      'huge.yaml',
      'pipe.yaml',
    ]);
    const errorOf = (file: string) => report.errors.find((error) => error.file === file);
    expect(errorOf('broken.yaml')?.line).toBe(3);
    expect(errorOf('huge.yaml')?.message).toMatch(/over the 16 MiB limit/);
    expect(errorOf('outside')?.message).toBe('symlink points outside the repository; not followed');
    expect(errorOf('pipe.yaml')?.message).toBe('a named pipe (FIFO), not a file');
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'KSV017', file: 'bad-\\xff.yaml', line: 12 }),
    );
    // The good file beside them is still scanned.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'KSV017', file: 'good.yaml', line: 12 }),
    );
  });
});
