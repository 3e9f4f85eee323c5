// Real Dockerfiles and Trivy's DS examples: every rule runs on them without throwing, and the DS
// examples trip the hadolint rule that checks the same thing.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { dockerRules } from '../../src/rules/docker/index.js';
import { parseDockerfile, type DockerfileModel } from '../../src/sources/dockerfile.js';
import { corpusPath, describeCorpus } from '../support/corpus.js';
import { loadShellParser } from '../../src/sources/shell.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
beforeAll(() => loadShellParser());

function runAll(model: DockerfileModel): Map<string, number[]> {
  const hits = new Map<string, number[]>();
  for (const rule of dockerRules) {
    const violations = rule.check(model, rule.defaultOptions as never);
    for (const violation of violations) {
      expect(violation.line).toBeGreaterThanOrEqual(1);
      expect(violation.line).toBeLessThanOrEqual(model.text.split('\n').length);
    }
    hits.set(
      rule.meta.id,
      violations.map((violation) => violation.line),
    );
  }
  return hits;
}

describeCorpus('real Dockerfiles', ['dockerfiles'], () => {
  const realDir = corpusPath('dockerfiles');
  const real = readdirSync(realDir).filter((name) => name.endsWith('Dockerfile'));

  it('has the 39 files', () => expect(real).toHaveLength(39));

  it.each(real)('%s parses and lints', (name) => {
    const model = parseDockerfile(readFileSync(path.join(realDir, name), 'utf8'), name);
    expect(model.stages.length).toBeGreaterThan(0);
    expect(model.instructions.length).toBeGreaterThan(0);
    runAll(model);
  });
});

// Trivy DS check -> the hadolint rule with the same intent. DS002 (no USER at all), DS004 (port
// 22) and DS024 (dist-upgrade) have no hadolint counterpart. DS017 ('apt-get update' alone) is
// close to DL3009 but not the same: its allowed example 2 updates without removing the lists,
// which DL3009 rightly flags.
const DS_TO_DL: Record<string, string> = {
  DS001: 'DL3007',
  DS005: 'DL3020',
  DS006: 'DL3023',
  DS007: 'DL4004',
  DS008: 'DL3011',
  DS009: 'DL3000',
  DS011: 'DL3021',
  DS012: 'DL3024',
  DS016: 'DL4003',
  DS022: 'DL4000',
  DS023: 'DL3012',
  DS010: 'DL3004',
  DS013: 'DL3003',
  DS014: 'DL4001',
  DS015: 'DL3032',
  DS019: 'DL3040',
  DS020: 'DL3036',
  DS021: 'DL3014',
};

describeCorpus('Trivy DS examples', ['trivy-ksv'], () => {
  const dsDir = corpusPath('trivy-ksv');
  const examples = readdirSync(dsDir)
    .filter((name) => /^DS\d+$/.test(name))
    .flatMap((check) =>
      readdirSync(path.join(dsDir, check))
        .filter((name) => /^example-.*\.Dockerfile$/.test(name))
        .map((name) => [check, name] as const),
    );

  it('has the examples of 22 DS checks', () => {
    expect(new Set(examples.map(([check]) => check)).size).toBe(22);
    expect(examples.length).toBeGreaterThanOrEqual(44);
  });

  it.each(examples)('%s %s', (check, name) => {
    const model = parseDockerfile(readFileSync(path.join(dsDir, check, name), 'utf8'), name);
    const hits = runAll(model);
    const rule = DS_TO_DL[check];
    if (!rule) return;
    if (name.includes('denied')) expect(hits.get(rule)).not.toEqual([]);
    else expect(hits.get(rule)).toEqual([]);
  });

  it('maps 18 DS checks to implemented rules', () => {
    const ids = new Set(dockerRules.map((rule) => rule.meta.id));
    expect(Object.values(DS_TO_DL).filter((id) => ids.has(id))).toHaveLength(18);
  });
});
