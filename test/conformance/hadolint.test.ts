// hadolint's rule and pragma specs (1,002 + 18 cases) against our rules and pragma handling.
import { describe, expect, it } from 'vitest';
import { dockerRules } from '../../src/rules/docker/index.js';
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { hadolintExceptions } from '../../src/suppress/hadolint.js';
import { suppressFindings } from '../../src/suppress/suppress.js';
import type { Finding } from '../../src/model.js';
import { agrees, hitsFor, optionsFor, readCases } from './hadolint-cases.js';

const cases = readCases('cases.jsonl');
const pragmaCases = readCases('pragma-cases.jsonl');

// Rules that read the commands of RUN instructions. They need a shell parser that exposes
// commands and arguments; sh-syntax only returns statement positions (its AST drops `Cmd`), so
// they wait for mvdan-sh. Their cases are counted, not run.
const NEEDS_SHELL_PARSER = new Set([
  'DL3001',
  'DL3003',
  'DL3004',
  'DL3008',
  'DL3009',
  'DL3010',
  'DL3013',
  'DL3014',
  'DL3015',
  'DL3016',
  'DL3018',
  'DL3019',
  'DL3027',
  'DL3028',
  'DL3030',
  'DL3032',
  'DL3033',
  'DL3034',
  'DL3035',
  'DL3036',
  'DL3037',
  'DL3038',
  'DL3040',
  'DL3041',
  'DL3042',
  'DL3046',
  'DL3047',
  'DL3059',
  'DL3060',
  'DL3062',
  'DL4001',
  'DL4005',
  'DL4006',
]);

// Cases where we knowingly differ from hadolint, with the reason. Empty today.
const KNOWN_DISAGREEMENTS = new Map<string, string>();

describe('hadolint rule specs (cases.jsonl)', () => {
  const implemented = cases.filter((testCase) => !NEEDS_SHELL_PARSER.has(testCase.rule));
  const pending = cases.filter((testCase) => NEEDS_SHELL_PARSER.has(testCase.rule));

  it('has every case either implemented or waiting for the shell parser', () => {
    expect(cases).toHaveLength(1002);
    expect(implemented).toHaveLength(299);
    expect(pending).toHaveLength(703);
    const ruleIds = new Set(dockerRules.map((rule) => rule.meta.id));
    for (const testCase of implemented) expect(ruleIds).toContain(testCase.rule);
    for (const id of NEEDS_SHELL_PARSER) expect(ruleIds).not.toContain(id);
  });

  it.each(
    implemented.map(
      (testCase) => [`${testCase.rule} ${testCase.source} ${testCase.it}`, testCase] as const,
    ),
  )('%s', (_name, testCase) => {
    const hits = hitsFor(testCase)!;
    const key = testCase.source;
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
    const { findings: kept } = suppressFindings(findings, hadolintExceptions([model]), new Date());
    expect(
      agrees(
        testCase,
        kept.map((finding) => finding.line),
      ),
    ).toBe(true);
  });
});
