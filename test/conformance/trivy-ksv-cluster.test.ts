// Trivy's own cases for the RBAC, networking, namespace, ConfigMap and registry checks
// (../shared/corpus/trivy-ksv): the legacy allowed/denied files, the examples files, and the
// unit-test inputs of kubernetes-rego-cases.jsonl. Each case runs only the rule under test, with
// that rule's default options. A case agrees when we find something exactly when Trivy does
// (`count(r) == N` vs `count(r) == 0`; we may report per entry where Trivy reports per resource).
// Every disagreement must be listed in KNOWN_DIFFERENCES with its reason, and each file set must
// agree on at least 98% of its cases.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksKind } from '../../src/rules/evaluate.js';
import { clusterRules } from '../../src/rules/k8s/cluster/index.js';
import { imageRules } from '../../src/rules/k8s/image/index.js';
import type { K8sRule, K8sViolation } from '../../src/rules/types.js';
import { parseManifests } from '../../src/sources/manifests.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';

const CORPUS = corpusPath('trivy-ksv');

/** The Trivy checks this suite covers (folder-style IDs, as in CHECKS.md's `dir` column). */
const CHECKS = [
  'KSV037',
  'KSV038',
  'KSV039',
  'KSV040',
  ...Array.from({ length: 16 }, (_, i) => `KSV0${41 + i}`),
  'KSV107',
  'KSV0108',
  'KSV0109',
  'KSV110',
  'KSV111',
  'KSV112',
  'KSV113',
  'KSV114',
  'KSV115',
  'KSV122',
  'KSV0123',
  'KSV0124',
  'KSV0125',
  'KSV01010',
  'KSV01011',
];

const rules = new Map<string, K8sRule>(
  [...clusterRules, ...imageRules].map((rule) => [rule.meta.id, rule]),
);

/**
 * Options a Trivy test implies for a configurable check. Trivy configures these checks through
 * Rego `data` (KSV0125 reads `data.ksv0125.trusted_registries`, which maps to our
 * `trustedRegistries` option; KSV0108's allowed IPs/names are constants there, empty, as in our
 * defaults). The corpus left out every test that overrides `data` (SOURCES.md), so no case
 * here needs options; an entry would read `'KSV0125 test_name': { trustedRegistries: [...] }`.
 */
const CASE_OPTIONS: Record<string, Record<string, unknown>> = {};

/** Case -> why we deliberately disagree with Trivy. Keys: `<check> <file>` or `<check> <test>`. */
const KNOWN_DIFFERENCES: Record<string, string> = {};

function violations(rule: K8sRule, text: string, file: string, options?: object): K8sViolation[] {
  const { resources, errors } = parseManifests(text, { file });
  expect(errors).toEqual([]);
  const merged = { ...(rule.defaultOptions as object), ...options };
  const found = resources
    .filter((resource) => checksKind(rule, resource.ref.kind))
    .flatMap((resource) => rule.check?.(resource, merged) ?? []);
  found.push(...(rule.checkAll?.(resources, merged) ?? []));
  return found;
}

interface Case {
  key: string;
  check: string;
  expectFail: boolean;
  text: string;
}

function fileCases(kind: 'legacy' | 'examples'): Case[] {
  return CHECKS.filter((check) => existsSync(path.join(CORPUS, check))).flatMap((check) =>
    readdirSync(path.join(CORPUS, check))
      .filter((name) =>
        kind === 'legacy'
          ? name === 'allowed.yaml' || name === 'denied.yaml'
          : /^example-(allowed|denied)-\d+\.yaml$/.test(name),
      )
      .sort()
      .map((name) => ({
        key: `${check} ${name}`,
        check,
        expectFail: name.includes('denied'),
        text: readFileSync(path.join(CORPUS, check, name), 'utf8'),
      })),
  );
}

function regoCases(): Case[] {
  return readFileSync(path.join(CORPUS, 'kubernetes-rego-cases.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(
      (line) => JSON.parse(line) as { check: string; test: string; expect: string; input: unknown },
    )
    .filter((entry) => CHECKS.includes(entry.check))
    .map((entry) => ({
      key: `${entry.check} ${entry.test}`,
      check: entry.check,
      expectFail: entry.expect === 'fail',
      // JSON is YAML: the same parser (and positions) as for real manifests.
      text: JSON.stringify(entry.input, null, 1),
    }));
}

describeCorpus('Trivy cluster, network and registry checks', ['trivy-ksv'], () => {
  describe.each([
    { set: 'legacy allowed/denied files', cases: fileCases('legacy'), size: 8 },
    { set: 'examples files', cases: fileCases('examples'), size: 8 },
    { set: 'kubernetes-rego-cases.jsonl', cases: regoCases(), size: 191 },
  ])('Trivy $set', ({ cases, size }) => {
    it('has the expected number of cases for these checks', () => {
      expect(cases).toHaveLength(size);
    });

    it('has a rule with the check ID for every case', () => {
      expect(cases.filter((c) => !rules.has(c.check)).map((c) => c.key)).toEqual([]);
    });

    const outcomes = cases.map((c) => {
      const found = violations(rules.get(c.check)!, c.text, `${c.key}.yaml`, CASE_OPTIONS[c.key]);
      return { ...c, found, agrees: found.length > 0 === c.expectFail };
    });

    it.each(outcomes.map((o) => [o.key, o] as const))('%s', (_key, outcome) => {
      const documented = Object.hasOwn(KNOWN_DIFFERENCES, outcome.key);
      expect(
        outcome.agrees,
        `${outcome.expectFail ? 'expected a finding' : 'expected none'}; got ${JSON.stringify(outcome.found.map((v) => v.message))}`,
      ).toBe(!documented);
    });

    it('agrees on at least 98% of the cases', () => {
      const agreeing = outcomes.filter((o) => o.agrees).length;
      expect(agreeing / outcomes.length).toBeGreaterThanOrEqual(0.98);
    });
  });

  describe('rule IDs follow CHECKS.md', () => {
    const table = readFileSync(path.join(CORPUS, 'CHECKS.md'), 'utf8');
    const rows = new Map(
      table
        .split('\n')
        .filter((line) => line.startsWith('| KSV'))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map((cells) => [
          cells[1],
          { id: cells[2], title: cells[3], severity: cells[4], longId: cells[5] },
        ]),
    );

    it.each(CHECKS)("%s has Trivy's ID, title, severity and aliases", (check) => {
      const row = rows.get(check)!;
      const meta = rules.get(check)!.meta;
      expect(meta.id).toBe(check);
      expect(meta.title).toBe(row.title);
      expect(meta.severity).toBe(row.severity.toLowerCase());
      expect(meta.aliases).toEqual(
        expect.arrayContaining([row.id, `AVD-${row.id}`, row.longId.replace(/"$/, '')]),
      );
    });
  });
});

/**
 * Where we differ from Trivy on purpose in behaviour the corpus does not exercise. Each row is
 * a manifest, what Trivy reports, what we report, and why.
 */
const DELIBERATE: Array<{
  check: string;
  what: string;
  yaml: string;
  trivy: 'fail' | 'pass';
  ours: 'fail' | 'pass';
  why: string;
}> = [
  {
    check: 'KSV01011',
    what: 'binding to system:authenticated outside GKE',
    yaml: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: b }\nsubjects: [{ kind: Group, name: "system:authenticated" }]\nroleRef: { kind: ClusterRole, name: view }\n',
    trivy: 'pass',
    ours: 'fail',
    why: 'Trivy raises KSV01011 only when data.k8s.version names a GKE cluster, which a manifest scan never has; a manifest does not say where it runs.',
  },
  {
    check: 'KSV0125',
    what: 'registry that merely ends with a trusted name',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a, image: evilgcr.io/app:1 }] }\n',
    trivy: 'pass',
    ours: 'fail',
    why: 'Trivy tests endswith(registry, trusted), so `evilgcr.io` passes as `gcr.io`; we require a label boundary (`x.gcr.io`).',
  },
  {
    check: 'KSV107',
    what: 'extensions/v1beta1 Deployment',
    yaml: 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: { name: d }\n',
    trivy: 'pass',
    ours: 'fail',
    why: "Trivy's table files the extensions/v1beta1 kinds under the key apps/v1beta1, so it never matches them; our table is keyed by the apiVersion manifests write.",
  },
  {
    check: 'KSV01010',
    what: 'short upper-case value',
    yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { LOG_LEVEL: INFO }\n',
    trivy: 'fail',
    ours: 'pass',
    why: "Trivy's passport-number pattern ^[A-Z0-9<]{3,20}$ matches any short upper-case value; we leave it out as noise.",
  },
];

describe('deliberate differences from Trivy beyond the corpus', () => {
  it.each(DELIBERATE.map((row) => [`${row.check}: ${row.what}`, row] as const))(
    '%s',
    (_name, row) => {
      expect(row.ours).not.toBe(row.trivy);
      const found = violations(rules.get(row.check)!, row.yaml, 'deliberate.yaml');
      expect(found.length > 0, row.why).toBe(row.ours === 'fail');
    },
  );
});
