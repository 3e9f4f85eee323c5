// The Kubernetes CEL library cases (apiserver pkg/cel/library tests) and the CRD validation expressions that
// need no CRD-schema typing, through the project's CEL environment. Skips visibly without the corpus.
import { expect, it } from 'vitest';
import { describeCorpus } from '../support/corpus.js';
import {
  judgeExpressionCase,
  judgeLibraryCase,
  readCases,
  schemaIndependent,
  type ExpressionCase,
  type LibraryCase,
} from './cel-cases.js';
import { kubernetesCel, CelError } from '../../src/rules/cel/environment.js';

/** Expression lines that do not pass, each with the reason (they must keep failing, or leave this list). */
const KNOWN_EXPRESSION_GAPS: Record<string, string> = {
  'apiextensions/validation/600/617':
    'needs the CRD schema: object-typed list items are not comparable with a map literal there',
  'apiextensions/validation/825/850':
    'needs the CRD schema: embedded-resource metadata declares no namespace field',
  'apiextensions/validation/853/880':
    'needs the CRD schema: embedded-resource metadata declares no namespace field',
  'apiextensions/validation/1405/1493':
    'needs the CRD schema: self is an object type, not comparable with an int',
};

describeCorpus('CEL conformance: Kubernetes library unit cases', ['cel', 'library-cases'], () => {
  const cases = readCases<LibraryCase>('k8s-library-unit.jsonl');
  it('has all 350 cases', () => expect(cases).toHaveLength(350));
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(judgeLibraryCase(c)).toBeUndefined();
  });
  // A library is usable for new expressions from the minor after the one that introduced it.
  it.each(cases.filter((c) => c.expect.value).map((c) => [c.id, c] as const))(
    '%s is unavailable before its version',
    (_id, c) => {
      const [, minor] = c.k8s_new_expressions_from.split('.').map(Number) as [number, number];
      const before = kubernetesCel(`1.${minor - 1}`, []);
      expect(() => before.compile(c.expr)).toThrow(CelError);
      expect(() => kubernetesCel(`1.${minor}`, []).compile(c.expr)).not.toThrow();
    },
  );
});

describeCorpus(
  'CEL conformance: CRD validation expressions without schema typing',
  ['cel', 'library-cases'],
  () => {
    const cases = readCases<ExpressionCase>('k8s-crd-validation-expressions.jsonl').filter(
      schemaIndependent,
    );
    it.each(cases.map((c, i) => [`${c.id}#${i}`, c] as const))('%s', (_id, c) => {
      const verdict = judgeExpressionCase(c);
      if (c.id in KNOWN_EXPRESSION_GAPS) expect(verdict, KNOWN_EXPRESSION_GAPS[c.id]).toBeDefined();
      else expect(verdict).toBeUndefined();
    });
  },
);
