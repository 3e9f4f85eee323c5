import { DEFAULT_KUBERNETES_VERSION } from '../src/model.js';
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
    // Paths in a policy file are relative to the folder holding it.
    expect(policy.exclude).toEqual(['policy/vendor/**']);
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
      ".kube-policy-gate.yaml:1: rulez: unknown key (did you mean 'rules'?); known keys: extends, failOn, rules, paths, exclude, charts, kustomize, ignore, requireReason, kubernetesVersion, customRules, admission",
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
      ".kube-policy-gate.yaml:1: extends: unknown pack 'pss-restrictd' (did you mean 'pss-restricted'? builtin packs: default, pss-baseline, pss-restricted, trivy, hadolint)",
    ]);
  });

  it('rejects a policy file of the wrong type and broken YAML with a line', () => {
    expect(problems({ '.kube-policy-gate.yaml': '- just\n- a list\n' })).toEqual([
      '.kube-policy-gate.yaml:1: must be a mapping with keys extends, failOn, rules, paths, exclude, charts, kustomize, ignore, requireReason, kubernetesVersion, customRules, admission',
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
        'charts/app/Chart.yaml': 'apiVersion: v2\nname: app\nversion: 1.0.0\n',
        'charts/app/values-prod.yaml': 'replicas: 2\n',
      }),
    });
    expect(policy.charts.get('charts/app')).toMatchObject({
      replaceDiscovered: true,
      line: 2,
      valuesSets: [
        {
          line: 5,
          valuesLines: [6],
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

  it('finds the nearest policy, ignore and hadolint files from the current folder up', () => {
    const root = repo({
      '.kube-policy-gate.yaml': 'failOn: low\n',
      '.github/kube-policy-gate.yaml': 'failOn: none\n',
      '.trivyignore': 'KSV009\n',
      '.hadolint.yaml': 'ignored: [DL3008]\n',
      'team/app/.kube-policy-gate.yaml': [
        'failOn: critical',
        'paths: [deploy]',
        'exclude: ["vendor/**", "!./keep/**"]',
        'charts:',
        '  chart:',
        '    valuesSets: [{ name: x }]',
        'ignore:',
        '  - id: KSV017',
        '    paths: ["deploy/*.yaml"]',
        '    reason: r',
      ].join('\n'),
      'team/app/chart/Chart.yaml': 'apiVersion: v2\nname: c\nversion: 1.0.0\n',
      'team/.trivyignore.yaml': 'misconfigurations:\n  - id: KSV013\n',
      'team/app/deep/.hadolint.yaml': 'ignored: [DL3006]\n',
    });
    const atRoot = loadPolicy({ root });
    expect(atRoot.file).toBe('.kube-policy-gate.yaml');
    expect(atRoot.failOn).toBe('low');
    expect(atRoot.exceptions.map((e) => e.file)).toEqual(['.trivyignore']);

    const inApp = loadPolicy({ root, cwd: path.join(root, 'team/app/deep') });
    expect(inApp.file).toBe('team/app/.kube-policy-gate.yaml');
    expect(inApp.failOn).toBe('critical');
    // Paths in a policy file are relative to the folder holding it.
    expect(inApp.paths).toEqual(['team/app/deploy']);
    expect(inApp.exclude).toEqual(['team/app/vendor/**', '!team/app/keep/**']);
    expect([...inApp.charts.keys()]).toEqual(['team/app/chart']);
    expect(inApp.exceptions.map((e) => [e.file, e.paths])).toEqual([
      ['team/app/.kube-policy-gate.yaml', ['team/app/deploy/*.yaml']],
      ['team/.trivyignore.yaml', undefined],
    ]);
    expect(inApp.hadolint?.file).toBe('team/app/deep/.hadolint.yaml');

    // Outside the repository's folders: the root's files.
    expect(loadPolicy({ root, cwd: path.dirname(root) }).file).toBe('.kube-policy-gate.yaml');
  });

  it('takes .github/kube-policy-gate.yaml paths relative to the repository root', () => {
    const root = repo({
      '.github/kube-policy-gate.yaml': 'paths: [deploy]\nexclude: [vendor/**]\n',
    });
    const policy = loadPolicy({ root, cwd: path.join(root, '.github') });
    expect(policy.file).toBe('.github/kube-policy-gate.yaml');
    expect(policy.paths).toEqual(['deploy']);
    expect(policy.exclude).toEqual(['vendor/**']);
  });

  it('gives an unknown pack in extends its line', () => {
    expect(
      problems({ '.kube-policy-gate.yaml': 'failOn: low\nextends:\n  - default\n  - trivvy\n' }),
    ).toEqual([
      ".kube-policy-gate.yaml:4: extends: unknown pack 'trivvy' (did you mean 'trivy'? builtin packs: default, pss-baseline, pss-restricted, trivy, hadolint)",
    ]);
  });

  it('reads kubernetesVersion', () => {
    const root = repo({ '.kube-policy-gate.yaml': 'kubernetesVersion: "1.31.4"\n' });
    expect(loadPolicy({ root }).kubernetesVersion).toBe('1.31.4');
    expect(loadPolicy({ root: repo({}) }).kubernetesVersion).toBe(DEFAULT_KUBERNETES_VERSION);
  });
});
