import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config/errors.js';
import { loadPolicy } from '../src/config/policy.js';

function repo(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kpg-policy-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function problems(files: Record<string, string>): string[] {
  try {
    loadPolicy({ root: repo(files) });
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('loadPolicy', () => {
  it('uses the default pack and fail-on high without a policy file', () => {
    const policy = loadPolicy({ root: repo({}) });
    expect(policy.failOn).toBe('high');
    expect(policy.rules.get('KSV017')).toEqual({ severity: 'high' });
    expect(policy.file).toBeUndefined();
  });

  it('finds .github/kube-policy-gate.yaml and applies rules by ID, alias and name', () => {
    const policy = loadPolicy({
      root: repo({
        '.github/kube-policy-gate.yaml': [
          'extends: [pss-baseline]',
          'failOn: medium',
          'rules:',
          '  AVD-KSV-0017: critical',
          '  no-host-network: off',
          '  KSV-0013: { severity: low }',
        ].join('\n'),
      }),
    });
    expect(policy.file).toBe('.github/kube-policy-gate.yaml');
    expect(policy.failOn).toBe('medium');
    expect(policy.rules.get('KSV017')?.severity).toBe('critical');
    expect(policy.rules.has('KSV009')).toBe(false);
    expect(policy.rules.get('KSV013')?.severity).toBe('low');
  });

  it('--policy packs replace extends; --fail-on overrides failOn', () => {
    const root = repo({ '.kube-policy-gate.yaml': 'extends: [trivy]\nfailOn: low\n' });
    const policy = loadPolicy({ root, packs: ['pss-baseline'], failOn: 'critical' });
    expect(policy.rules.has('KSV001')).toBe(false); // restricted only
    expect(policy.rules.has('KSV017')).toBe(true);
    expect(policy.failOn).toBe('critical');
  });

  it('extends other policy files by relative path', () => {
    const policy = loadPolicy({
      root: repo({
        '.kube-policy-gate.yaml': 'extends: [./policy/base.yaml]\nrules:\n  KSV013: off\n',
        'policy/base.yaml': 'extends: [trivy]\nexclude: [vendor/**]\n',
      }),
    });
    expect(policy.rules.has('KSV001')).toBe(true);
    expect(policy.rules.has('KSV013')).toBe(false);
    expect(policy.exclude).toEqual(['vendor/**']);
  });

  it('reports every problem with file, line, key and a did-you-mean', () => {
    expect(
      problems({
        '.kube-policy-gate.yaml': [
          'rulez:', //                                   1
          '  KSV017: off',
          'failOn: hgih', //                             3
          'rules:',
          '  KSV1017: off', //                           5
          '  KSV009: severe', //                         6
          'extends: [pss-restrictd]', //                 7
          'ignore:',
          '  - id: KSV017', //                           9
          '    expires: 2026-02-30',
          '  - id: no-host-netwrk', //                   11
          '    reason: r',
          '    pathz: [a]', //                           13
        ].join('\n'),
      }),
    ).toEqual([
      ".kube-policy-gate.yaml:1: rulez: unknown key (did you mean 'rules'?); known keys: extends, failOn, rules, paths, exclude, charts, ignore, requireReason",
      ".kube-policy-gate.yaml:3: failOn: must be one of critical, high, medium, low, none (did you mean 'high'?)",
      ".kube-policy-gate.yaml:5: rules.KSV1017: unknown rule (did you mean 'KSV017'?)",
      '.kube-policy-gate.yaml:6: rules.KSV009: must be off, on, one of critical, high, medium, low, info, or { severity, options }',
      ".kube-policy-gate.yaml:9: ignore.reason: entry for 'KSV017' needs a reason (or set requireReason: false)",
      ".kube-policy-gate.yaml:10: ignore.expires: '2026-02-30' is not a date (YYYY-MM-DD)",
      ".kube-policy-gate.yaml:11: ignore.id: unknown rule 'no-host-netwrk' (did you mean 'no-host-network'?)",
      ".kube-policy-gate.yaml:13: ignore.pathz: unknown key (did you mean 'paths'?)",
    ]);
  });

  it("checks rule options against the rule's schema, with did-you-mean", () => {
    expect(
      problems({
        '.kube-policy-gate.yaml': [
          'rules:',
          '  KSV0125:',
          '    options:',
          '      trustedRegistry: [ghcr.io]', //          4
          '  trusted-registries:',
          '    options: { trustedRegistries: ghcr.io }', // 6
          '  DL3049:',
          '    options:',
          '      labelSchema:',
          '        owner: txt', //                        10
          '      strictLabels: 1', //                     11
          '  KSV001: { options: { x: 1 } }', //           12
          '  KSV039: { severity: low, options: { requirePerNamespace: true } }',
        ].join('\n'),
      }),
    ).toEqual([
      ".kube-policy-gate.yaml:4: rules.KSV0125.options.trustedRegistry: unknown option (did you mean 'trustedRegistries'?); this rule takes trustedRegistries",
      '.kube-policy-gate.yaml:6: rules.trusted-registries.options.trustedRegistries: must be a list of strings',
      ".kube-policy-gate.yaml:10: rules.DL3049.options.labelSchema.owner: must be one of text, url, rfc3339, spdx, hash, semver, email (did you mean 'text'?)",
      '.kube-policy-gate.yaml:11: rules.DL3049.options.strictLabels: must be true or false',
      '.kube-policy-gate.yaml:12: rules.KSV001.options.x: unknown option; this rule takes no options',
    ]);
  });

  it('names an unknown pack', () => {
    expect(problems({ '.kube-policy-gate.yaml': 'extends: [pss-restrictd]\n' })).toEqual([
      ".kube-policy-gate.yaml: extends: unknown pack 'pss-restrictd' (did you mean 'pss-restricted'? builtin packs: default, pss-baseline, pss-restricted, trivy, hadolint)",
    ]);
  });

  it('rejects a policy file of the wrong type and broken YAML with a line', () => {
    expect(problems({ '.kube-policy-gate.yaml': '- just\n- a list\n' })).toEqual([
      '.kube-policy-gate.yaml:1: must be a mapping with keys extends, failOn, rules, paths, exclude, charts, ignore, requireReason',
    ]);
    expect(problems({ '.kube-policy-gate.yaml': 'rules:\n  KSV017: [off\n' })[0]).toMatch(
      /^\.kube-policy-gate\.yaml:2: /,
    );
  });

  it('lets requireReason: false accept entries without a reason', () => {
    const policy = loadPolicy({
      root: repo({ '.kube-policy-gate.yaml': 'requireReason: false\nignore:\n  - id: "*"\n' }),
    });
    expect(policy.exceptions).toMatchObject([{ source: 'policy', line: 3, written: '*' }]);
    expect(policy.exceptions[0].ruleIds).toBeUndefined();
  });

  it('reads charts values sets', () => {
    const policy = loadPolicy({
      root: repo({
        '.kube-policy-gate.yaml': [
          'charts:',
          '  charts/app/:',
          '    replaceDiscovered: true',
          '    valuesSets:',
          '      - name: prod',
          '        values: [values-prod.yaml]',
          '        set: { image: { tag: "1.2.3" }, replicas: 3 }',
          '        namespace: shop',
          '        apiVersions: [monitoring.coreos.com/v1]',
        ].join('\n'),
      }),
    });
    expect(policy.charts.get('charts/app')).toEqual({
      replaceDiscovered: true,
      valuesSets: [
        {
          name: 'prod',
          values: ['values-prod.yaml'],
          set: { 'image.tag': '1.2.3', replicas: '3' },
          namespace: 'shop',
          apiVersions: ['monitoring.coreos.com/v1'],
        },
      ],
    });
  });

  it('reads .trivyignore and .trivyignore.yaml from the root, keeping only our rules', () => {
    const policy = loadPolicy({
      root: repo({
        '.trivyignore': 'CVE-2019-0001\n# comment\nAVD-KSV-0017 exp:2030-01-01\nKSV009\n',
        '.trivyignore.yaml': [
          'vulnerabilities:',
          '  - id: CVE-2022-40897',
          'misconfigurations:',
          '  - id: KSV-0001',
          '    paths: ["deploy/**"]',
          '    expired_at: 2020-01-01',
          '    statement: legacy',
          '  - id: ID100',
          '  - paths: ["vendor/**"]',
        ].join('\n'),
      }),
    });
    expect(
      policy.exceptions.map((e) => [
        e.file,
        e.line,
        [...(e.ruleIds ?? ['*'])],
        e.expires,
        e.paths,
        e.reason,
      ]),
    ).toEqual([
      ['.trivyignore', 3, ['KSV017'], '2030-01-01', undefined, undefined],
      ['.trivyignore', 4, ['KSV009'], undefined, undefined, undefined],
      ['.trivyignore.yaml', 4, ['KSV001'], '2020-01-01', ['deploy/**'], 'legacy'],
      ['.trivyignore.yaml', 9, ['*'], undefined, ['vendor/**'], undefined],
    ]);
  });

  it('rejects a malformed exp: date in .trivyignore with its line', () => {
    expect(problems({ '.trivyignore': 'KSV017\nKSV009 exp:2020-13-01\n' })).toEqual([
      ".trivyignore:2: exp: '2020-13-01' is not a date (YYYY-MM-DD)",
    ]);
  });
});
