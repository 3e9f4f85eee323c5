// Runs before every test file: the file gets a temporary directory of its own as TMPDIR (for
// os.tmpdir() and every child process it starts: the CLI, the Action, git, helm), removed with
// everything in it when the file is done. No file can see, or depend on, another's leftovers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const saved = process.env.TMPDIR;
const fileTemp = mkdtempSync(path.join(tmpdir(), 'kpg-test-'));
process.env.TMPDIR = fileTemp;

afterAll(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  rmSync(fileTemp, { recursive: true, force: true });
});
