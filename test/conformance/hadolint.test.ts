// hadolint's rule and pragma specs (1,002 + 18 cases) against our rules and pragma handling.
import { describe, expect, it } from 'vitest';
import { dockerRules } from '../../src/rules/docker/index.js';
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { hadolintExceptions } from '../../src/suppress/hadolint.js';
import { suppressFindings } from '../../src/suppress/suppress.js';
import type { Finding } from '../../src/model.js';
import { describeCorpus } from '../support/corpus.js';
import { agrees, hitsFor, optionsFor, readCases } from './hadolint-cases.js';

// Cases where we knowingly differ from hadolint (key: source, plus ` onbuild` for the ONBUILD
// twin), with the reason. Empty: all 1,002 cases agree.
const KNOWN_DISAGREEMENTS = new Map<string, string>();

describeCorpus('hadolint specs', ['hadolint'], () => {
  const cases = readCases('cases.jsonl');
  const pragmaCases = readCases('pragma-cases.jsonl');

  describe('hadolint rule specs (cases.jsonl)', () => {
    it('has every case, each for a rule we implement', () => {
      expect(cases).toHaveLength(1002);
      const ruleIds = new Set(dockerRules.map((rule) => rule.meta.id));
      for (const testCase of cases) expect(ruleIds).toContain(testCase.rule);
    });

    it('agrees with at least 98% of the cases', () => {
      const agreeing = cases.filter((testCase) => agrees(testCase, hitsFor(testCase)!));
      expect(agreeing.length / cases.length).toBeGreaterThanOrEqual(0.98);
      expect(cases.length - agreeing.length).toBe(KNOWN_DISAGREEMENTS.size);
    });

    it.each(
      cases.map(
        (testCase) => [`${testCase.rule} ${testCase.source} ${testCase.it}`, testCase] as const,
      ),
    )('%s', (_name, testCase) => {
      const hits = hitsFor(testCase)!;
      const key = `${testCase.source}${testCase.onbuild ? ' onbuild' : ''}`;
      if (KNOWN_DISAGREEMENTS.has(key)) expect(agrees(testCase, hits)).toBe(false);
      else expect({ hits, agrees: agrees(testCase, hits) }).toMatchObject({ agrees: true });
    });
  });

  describe('hadolint pragma specs (pragma-cases.jsonl)', () => {
    it('has 18 cases', () => expect(pragmaCases).toHaveLength(18));

    it.each(
      pragmaCases.map(
        (testCase) => [`${testCase.source} ${testCase.rule} ${testCase.it}`, testCase] as const,
      ),
    )('%s', (_name, testCase) => {
      const rule = dockerRules.find((candidate) => candidate.meta.id === testCase.rule)!;
      const model = parseDockerfile(testCase.dockerfile, 'Dockerfile');
      const options = { ...(rule.defaultOptions as object), ...optionsFor(testCase.config) };
      const findings = rule.check(model, options).map((violation): Finding => ({
        ruleId: rule.meta.id,
        aliases: [],
        severity: rule.meta.severity,
        title: rule.meta.title,
        message: violation.message,
        file: 'Dockerfile',
        line: violation.line,
        source: 'dockerfile',
        fingerprint: String(violation.line),
      }));
      // Pragmas go through the same suppression stage as every other exception.
      const { findings: kept } = suppressFindings(
        findings,
        hadolintExceptions([model]),
        new Date(),
      );
      expect(
        agrees(
          testCase,
          kept.map((finding) => finding.line),
        ),
      ).toBe(true);
    });
  });
});
