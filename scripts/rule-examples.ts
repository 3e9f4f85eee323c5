// Prints each rule's examples for its docs page as JSON: a flagged and a passing case, taken from
// the rule's own unit tests (their ruleTester cases), with what the rule reports on the flagged
// one. Run by scripts/generate.ts in a child process, as the tests' modules are loaded here
// outside vitest (ruleTester then only hands its cases over).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadShellParser } from '../src/sources/shell.js';
import { ruleFindings, RULE_CASES, type RuleCases, type ValidCase } from '../test/support/rules.js';

export interface RuleExample {
  code: string;
  options?: unknown;
  /** What the rule reports (flagged examples). */
  findings?: Array<{ line: number; message: string }>;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function testFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Shortest first, preferring cases without options, then those of the flagged case's kind. */
function pick(cases: ValidCase[], kind?: string): ValidCase | undefined {
  const kindOf = (code: string) => /^kind: *(\S+)/m.exec(code)?.[1];
  const score = (c: ValidCase) =>
    (c.options === undefined ? 0 : 1_000_000) +
    (kind === undefined || kindOf(c.code) === kind ? 0 : 100_000) +
    c.code.length;
  return [...cases].sort((a, b) => score(a) - score(b))[0];
}

const withoutMarkers = (code: string) => code.replace(/ *# <-.*$/gm, '');

async function main(): Promise<void> {
  const collected = new Map<string, RuleCases>();
  (globalThis as Record<symbol, unknown>)[RULE_CASES] = collected;
  await loadShellParser();
  for (const file of testFiles(path.join(ROOT, 'src/rules')).sort()) {
    try {
      await import(pathToFileURL(file).href);
    } catch {
      // vitest's own describe/it throw outside vitest: a test file that has some after its
      // ruleTester call has handed its cases over by then (keep ruleTester first).
    }
  }
  const examples: Record<string, { bad?: RuleExample; good?: RuleExample }> = {};
  for (const [id, { rule, valid, invalid }] of [...collected].sort()) {
    const flagged = pick(invalid);
    const passing = pick(
      valid.map((c) => (typeof c === 'string' ? { code: c } : c)),
      flagged && /^kind: *(\S+)/m.exec(flagged.code)?.[1],
    );
    examples[id] = {
      ...(flagged && {
        bad: {
          code: withoutMarkers(flagged.code),
          ...(flagged.options === undefined ? {} : { options: flagged.options }),
          findings: ruleFindings(rule, flagged.code, flagged.options).map(({ line, message }) => ({
            line,
            message,
          })),
        },
      }),
      ...(passing && {
        good: {
          code: withoutMarkers(passing.code),
          ...(passing.options === undefined ? {} : { options: passing.options }),
        },
      }),
    };
  }
  process.stdout.write(JSON.stringify(examples));
}

await main();
