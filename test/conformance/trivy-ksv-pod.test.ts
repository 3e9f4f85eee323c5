// Trivy's own test data for its pod and container KSV checks: the legacy allowed/denied manifests,
// the examples of each check, and the cases of its Rego unit tests. Each case runs only the rule
// under test: a denied case must produce a finding of that rule, an allowed case none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { ruleById } from '../../src/rules/index.js';
import type { K8sRule } from '../../src/rules/types.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';
import { runK8sRule } from '../support/rules.js';

const CORPUS = corpusPath('trivy-ksv');

/** Trivy's pod/container checks (KSV011, 015, 016 and 018 are the resource checks). */
const CHECKS = [
  ...['001', '002', '003', '004', '005', '006', '007', '008', '009', '010', '011', '012'],
  ...['014', '015', '016', '017', '018', '020', '021', '022', '023', '024', '025', '026'],
  ...['027', '028', '030', '036', '102', '103', '104', '105', '106', '116', '117', '118'],
  ...['119', '120', '121'],
].map((n) => `KSV${n}`);

/** Every case where we deliberately differ from Trivy's expectation, and why. */
const DISAGREEMENTS: Record<string, string> = {
  'KSV036/denied.yaml':
    "the upstream file is empty (no resource at all), so there is nothing to deny; Trivy's legacy test could not have passed on it either",
  'KSV118:test_deployment_with_empty_security_context':
    "the input's pod securityContext holds only `__defsec_metadata`, Trivy's internal position data, which Trivy strips before comparing with {}; in a real manifest that key cannot occur, and a securityContext with any key is not the default one",
};

type FileSet = 'legacy' | 'examples' | 'rego';

interface Case {
  id: string;
  set: FileSet;
  check: string;
  expect: 'pass' | 'fail';
  yaml: string;
}

function fileCases(): Case[] {
  const cases: Case[] = [];
  for (const check of CHECKS) {
    const dir = path.join(CORPUS, check);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const match = /^(?:example-)?(allowed|denied)(?:-\d+)?\.yaml$/.exec(name);
      if (!match) continue;
      cases.push({
        id: `${check}/${name}`,
        set: name.startsWith('example-') ? 'examples' : 'legacy',
        check,
        expect: match[1] === 'allowed' ? 'pass' : 'fail',
        yaml: readFileSync(path.join(dir, name), 'utf8'),
      });
    }
  }
  return cases;
}

function regoCases(): Case[] {
  const lines = readFileSync(path.join(CORPUS, 'kubernetes-rego-cases.jsonl'), 'utf8').split('\n');
  return lines
    .filter((line) => line.trim())
    .map(
      (line) =>
        JSON.parse(line) as {
          check: string;
          test: string;
          expect: 'pass' | 'fail';
          input: unknown;
        },
    )
    .filter((entry) => CHECKS.includes(entry.check))
    .map((entry) => ({
      id: `${entry.check}:${entry.test}`,
      set: 'rego' as const,
      check: entry.check,
      expect: entry.expect,
      yaml: JSON.stringify(entry.input),
    }));
}

function outcome(testCase: Case): 'pass' | 'fail' {
  const rule = ruleById(testCase.check) as K8sRule | undefined;
  if (!rule) throw new Error(`no rule ${testCase.check}`);
  return runK8sRule(rule, testCase.yaml).length > 0 ? 'fail' : 'pass';
}

describeCorpus('Trivy KSV pod and container checks', ['trivy-ksv'], () => {
  const cases = [...fileCases(), ...regoCases()];

  it('has a rule for every check and cases for most', () => {
    for (const check of CHECKS) expect(ruleById(check), check).toBeDefined();
    const count = (set: FileSet) => cases.filter((c) => c.set === set).length;
    expect([count('legacy'), count('examples'), count('rego')]).toEqual([58, 53, 125]);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, testCase) => {
    const expected = DISAGREEMENTS[testCase.id]
      ? testCase.expect === 'pass'
        ? 'fail'
        : 'pass'
      : testCase.expect;
    expect(outcome(testCase)).toBe(expected);
  });

  it.each(['legacy', 'examples', 'rego'] as const)(
    'agrees with at least 98%% of the %s set',
    (set) => {
      const inSet = cases.filter((c) => c.set === set);
      const agreed = inSet.filter((c) => outcome(c) === c.expect).length;
      expect(agreed / inSet.length).toBeGreaterThanOrEqual(0.98);
    },
  );

  it('lists only disagreements that exist', () => {
    for (const id of Object.keys(DISAGREEMENTS)) {
      expect(
        cases.some((c) => c.id === id),
        id,
      ).toBe(true);
    }
  });
});
