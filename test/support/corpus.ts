// The external conformance corpus (third-party test data, never edited), resolved in this one
// place: $KPG_CORPUS, else ../shared/corpus beside the repository. A fresh clone has no corpus:
// its conformance suites skip, each saying what is missing and how to point at it. CI sets
// KPG_REQUIRE_CORPUS=1 (.ci/run), which turns a missing corpus into a failing test instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';

const REPOSITORY = path.resolve(import.meta.dirname, '../..');

/** The corpus directory (it may not exist). */
export const CORPUS = process.env.KPG_CORPUS
  ? path.resolve(process.env.KPG_CORPUS)
  : path.resolve(REPOSITORY, '../shared/corpus');

/** Whether a missing corpus fails the run instead of skipping its suites. */
export const CORPUS_REQUIRED = ['1', 'true'].includes(process.env.KPG_REQUIRE_CORPUS ?? '');

/** A path inside the corpus. */
export function corpusPath(...parts: string[]): string {
  return path.join(CORPUS, ...parts);
}

/** Why a suite over `parts` cannot run, or undefined when the data is there. */
export function corpusMissing(...parts: string[]): string | undefined {
  const wanted = corpusPath(...parts);
  if (existsSync(wanted)) return undefined;
  return `conformance corpus not found: ${wanted} is missing; set KPG_CORPUS to the corpus directory (the one that holds ${parts.join('/')}/)`;
}

/**
 * A `describe` over corpus data under `parts` (for example `['pss']`). The factory, which may
 * read the corpus while it collects tests, runs only when the data is there; otherwise the suite
 * is one test, skipped with a note saying what is missing, or with KPG_REQUIRE_CORPUS failing.
 */
export function describeCorpus(title: string, parts: string[], factory: () => void): void {
  const missing = corpusMissing(...parts);
  if (!missing) {
    describe(title, factory);
    return;
  }
  if (CORPUS_REQUIRED) {
    describe(title, () => {
      it('has its corpus data (KPG_REQUIRE_CORPUS is set)', () => {
        throw new Error(missing);
      });
    });
    return;
  }
  describe(title, () => {
    it('needs the conformance corpus', (context) => context.skip(missing));
  });
}

/** Suite folders of the corpus; the globalSetup of the conformance project checks them. */
const CORPUS_FOLDERS = ['cel', 'charts', 'dockerfiles', 'hadolint', 'pss', 'trivy-ksv'];

/**
 * The conformance project's globalSetup: one line up front when corpus data is missing, since
 * the skipped suites alone would show only as a count in the summary.
 */
export function setup(): void {
  const absent = CORPUS_FOLDERS.filter((folder) => corpusMissing(folder));
  if (absent.length === 0) return;
  const what = existsSync(CORPUS) ? `${CORPUS} lacks ${absent.join(', ')}` : `${CORPUS} is missing`;
  const effect = CORPUS_REQUIRED
    ? 'KPG_REQUIRE_CORPUS is set, so their suites fail'
    : 'their suites are skipped';
  console.warn(
    `conformance corpus not found: ${what}; ${effect}. Set KPG_CORPUS to the corpus directory.`,
  );
}
