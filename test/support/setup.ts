// Runs before every test file: the shell parser loads once per worker, as a scan loads it before
// its first Dockerfile, so tests can parse Dockerfiles synchronously.
import { loadShellParser } from '../../src/sources/shell.js';

await loadShellParser();
