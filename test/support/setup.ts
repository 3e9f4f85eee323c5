// Runs before every test file: the file gets a temporary directory of its own as TMPDIR (for
// os.tmpdir() and every child process it starts: the CLI, the Action, git, helm), removed with
// everything in it when the file is done. No file can see, or depend on, another's leftovers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const saved = process.env.TMPDIR;
const savedCache = process.env.NODE_COMPILE_CACHE;
const fileTemp = mkdtempSync(path.join(tmpdir(), 'kpg-test-'));
process.env.TMPDIR = fileTemp;
// The bundles a file runs again and again (dist/cli.js, dist/index.js and its scan worker) are
// compiled once per file, not once per child process: Node keeps V8's code cache here.
process.env.NODE_COMPILE_CACHE = path.join(fileTemp, 'node-compile-cache');

afterAll(() => {
  if (saved === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = saved;
  if (savedCache === undefined) delete process.env.NODE_COMPILE_CACHE;
  else process.env.NODE_COMPILE_CACHE = savedCache;
  rmSync(fileTemp, { recursive: true, force: true });
});
