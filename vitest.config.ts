// Three projects, so each kind of test pays only for what it needs:
// - unit: the tests beside the code (src/**) and the in-process engine tests under test/. They
//   share one module graph per worker (no per-file isolation): loading the rules, the YAML
//   library and the shell parser once instead of once per file is most of the suite's time.
//   Nothing here mocks modules; tests that change process.env restore it before they finish.
// - isolated: the few unit tests that mock a module (vi.mock: the base checkout, @actions/core for
//   main.ts), each file in a graph of its own.
// - e2e: the bundled dist/ (CLI and Action) in child processes, each file isolated.
// - conformance: the external corpus (test/support/corpus.ts says where it is); skipped, with
//   one line saying so, when it is absent.
// Every test file gets a TMPDIR of its own, removed after it (test/support/setup.ts).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const E2E = ['test/**/*.e2e.test.ts', 'test/hostile/cli.test.ts'];
const CONFORMANCE = ['test/conformance/**/*.test.ts', 'test/helm/corpus.test.ts'];
const MOCKING = ['src/diff/reuse.test.ts', 'src/main.test.ts'];

export default defineConfig({
  test: {
    // Vitest's default leaves one core idle, which on a 2-core machine is one worker for all.
    maxWorkers: availableParallelism(),
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...E2E, ...CONFORMANCE, ...MOCKING],
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: 'isolated', include: MOCKING },
      },
      {
        extends: true,
        test: { name: 'e2e', include: E2E },
      },
      {
        extends: true,
        test: {
          name: 'conformance',
          include: CONFORMANCE,
          isolate: false,
          globalSetup: ['test/support/corpus.ts'],
        },
      },
    ],
  },
});
