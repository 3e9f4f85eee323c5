// Hostile configuration: a policy file of the wrong type and a `.trivyignore` full of garbage.
// A broken policy is a configuration error (exit 2) naming file and line; ignore-file lines that
// are not rule IDs are left alone, as Trivy leaves them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/errors.js';
import { loadPolicy } from '../../src/config/policy.js';
import { cli, GOOD_MANIFEST, scanRepo, STACK_FRAME, tempRepo, type Repo } from './support.js';

let repo: Repo;
afterEach(() => repo?.remove());

const WRONG_POLICIES: Array<[string, string | Uint8Array, RegExp]> = [
  ['a list', '- extends\n- default\n', /^\.kube-policy-gate\.yaml:1: must be a mapping/],
  ['a string', 'just some text\n', /^\.kube-policy-gate\.yaml:1: must be a mapping/],
  ['a number', '42\n', /^\.kube-policy-gate\.yaml:1: must be a mapping/],
  ['binary', new Uint8Array([0, 1, 2, 255, 254, 0, 10]), /^\.kube-policy-gate\.yaml(:\d+)?: /],
  ['invalid YAML', 'rules: {KSV017: [\n', /^\.kube-policy-gate\.yaml:\d+: /],
  ['wrong field types', 'rules: [1, 2]\nfailOn: 7\n', /^\.kube-policy-gate\.yaml:1: rules: /],
  [
    'an alias bomb',
    'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n',
    /^\.kube-policy-gate\.yaml(:\d+)?: /,
  ],
];

describe('a policy file of the wrong type', () => {
  it.each(WRONG_POLICIES)('is a configuration error naming the file: %s', (_, content, message) => {
    repo = tempRepo();
    repo.write('.kube-policy-gate.yaml', content);
    let error: unknown;
    try {
      loadPolicy({ root: repo.root });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
  });

  it.each(WRONG_POLICIES)(
    'makes the CLI exit 2 with a clear message and no stack trace: %s',
    async (_, content, message) => {
      repo = tempRepo();
      repo.write('.kube-policy-gate.yaml', content);
      repo.write('good.yaml', GOOD_MANIFEST);
      const run = await cli(['scan', '.'], repo.root);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.replace(/^kube-policy-gate: /, '')).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expect(run.stderr).not.toMatch(/internal error/);
    },
  );
});

describe('a .trivyignore with garbage lines', () => {
  it('skips the garbage, applies the real entries and scans everything', async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    repo.write(
      '.trivyignore',
      [
        'garbage line with words',
        '\u0001\u0002 control characters',
        '!!!@@@###',
        'CVE-2023-12345',
        'KSV-not-a-rule',
        `${'x'.repeat(100_000)}`,
        '   # only a comment',
        'KSV017 exp:2999-01-01',
        'KSV013 exp:2000-01-01 extra:attribute',
      ].join('\n'),
    );
    const result = await scanRepo(repo.root);
    expect(result.findings.some((finding) => finding.ruleId === 'KSV017')).toBe(false);
    expect(result.suppressed.map((entry) => entry.ruleId)).toContain('KSV017');
    // Everything else in the file is still reported.
    expect(
      result.findings.filter((finding) => finding.file === 'good.yaml').length,
    ).toBeGreaterThan(0);
  });

  it('reports a malformed expiry date with file and line (exit 2)', async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    repo.write('.trivyignore', 'garbage\nKSV017 exp:someday\n');
    const run = await cli(['scan', '.'], repo.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "kube-policy-gate: .trivyignore:2: exp: 'someday' is not a date (YYYY-MM-DD)\n",
    );
  });
});

// Issue #12: configuration files are read only inside the repository, only as regular files of
// bounded size. /dev/zero, /dev/stdin, FIFOs and links to them fail fast with one clear line.
describe('configuration files that are not what they claim', () => {
  const outside = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-hostile-cfg-outside-'));
    writeFileSync(path.join(dir, 'policy.yaml'), 'extends: [trivy]\n');
    return dir;
  };

  const CASES: Array<[string, (repo: Repo) => void, RegExp]> = [
    [
      'a policy file linked to /dev/zero',
      (r) => symlinkSync('/dev/zero', path.join(r.root, '.kube-policy-gate.yaml')),
      /^\.kube-policy-gate\.yaml: is (a symlink to a place outside the repository|a link that cannot be followed)/,
    ],
    [
      'a policy file linked to /dev/stdin',
      (r) => symlinkSync('/dev/stdin', path.join(r.root, '.kube-policy-gate.yaml')),
      /^\.kube-policy-gate\.yaml: is (a symlink to a place outside the repository|a link that cannot be followed)/,
    ],
    [
      'a policy file that is a FIFO',
      (r) => execFileSync('mkfifo', [path.join(r.root, '.kube-policy-gate.yaml')]),
      /^\.kube-policy-gate\.yaml: is not a regular file \(a FIFO\)/,
    ],
    [
      'a policy file linked to a FIFO inside the repository',
      (r) => {
        execFileSync('mkfifo', [path.join(r.root, 'pipe')]);
        symlinkSync('pipe', path.join(r.root, '.kube-policy-gate.yaml'));
      },
      /^\.kube-policy-gate\.yaml: is not a regular file \(a FIFO\)/,
    ],
    [
      'a .trivyignore linked to /dev/zero',
      (r) => symlinkSync('/dev/zero', path.join(r.root, '.trivyignore')),
      /^\.trivyignore: is a symlink to a place outside the repository/,
    ],
    [
      'a .trivyignore.yaml that is a FIFO',
      (r) => execFileSync('mkfifo', [path.join(r.root, '.trivyignore.yaml')]),
      /^\.trivyignore\.yaml: is not a regular file/,
    ],
    [
      'a .hadolint.yaml linked to /dev/stdin',
      (r) => symlinkSync('/dev/stdin', path.join(r.root, '.hadolint.yaml')),
      /^\.hadolint\.yaml: is (a symlink to a place outside the repository|a link that cannot be followed)/,
    ],
    [
      'a .hadolint.yaml that is a directory',
      (r) => mkdirSync(path.join(r.root, '.hadolint.yaml')),
      /^\.hadolint\.yaml: is not a regular file \(a directory\)/,
    ],
    [
      'a huge policy file',
      (r) => r.write('.kube-policy-gate.yaml', `# ${'x'.repeat(5 * 1024 * 1024)}\n`),
      /^\.kube-policy-gate\.yaml: is larger than 4 MB/,
    ],
    [
      'extends escaping the repository',
      (r) =>
        r.write(
          '.kube-policy-gate.yaml',
          `extends:\n  - default\n  - ../../../../../../etc/passwd.yaml\n`,
        ),
      /^\.kube-policy-gate\.yaml:3: extends: '..\/..\/..\/..\/..\/..\/etc\/passwd\.yaml' (is outside the repository|not found)/,
    ],
    [
      'extends through a symlink out of the repository',
      (r) => {
        symlinkSync(path.join(outside(), 'policy.yaml'), path.join(r.root, 'base.yaml'));
        r.write('.kube-policy-gate.yaml', 'extends: [./base.yaml]\n');
      },
      /^\.kube-policy-gate\.yaml:1: extends: '\.\/base\.yaml' is a symlink to a place outside the repository/,
    ],
    [
      'a values file escaping the repository',
      (r) => {
        r.write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
        r.write(
          '.kube-policy-gate.yaml',
          'charts:\n  charts/app:\n    valuesSets:\n      - name: x\n        values:\n          - ../../../../../../etc/hostname\n',
        );
      },
      /^\.kube-policy-gate\.yaml:6: charts\.charts\/app\.valuesSets\[0\]\.values: '\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/hostname' \(relative to charts\/app\) is outside the repository/,
    ],
    [
      'a values file linked to /dev/zero',
      (r) => {
        r.write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
        symlinkSync('/dev/zero', path.join(r.root, 'charts/app/zero.yaml'));
        r.write(
          '.kube-policy-gate.yaml',
          'charts:\n  charts/app:\n    valuesSets:\n      - name: x\n        values: [zero.yaml]\n',
        );
      },
      /^\.kube-policy-gate\.yaml:5: charts\.charts\/app\.valuesSets\[0\]\.values: 'zero\.yaml' \(relative to charts\/app\) is a symlink to a place outside/,
    ],
  ];

  it.each(CASES)('%s: a configuration error, at once', (_, setup, message) => {
    repo = tempRepo();
    setup(repo);
    let error: unknown;
    try {
      loadPolicy({ root: repo.root });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(message);
  });

  it.each(CASES.filter(([name]) => /dev\/stdin|FIFO|dev\/zero/.test(name)))(
    'the CLI exits 2 without hanging or growing: %s',
    async (_, setup, message) => {
      repo = tempRepo();
      setup(repo);
      repo.write('good.yaml', GOOD_MANIFEST);
      const run = await cli(['scan', '.'], repo.root, 256);
      expect(run.code).toBe(2);
      expect(run.stderr.replace(/^kube-policy-gate: /, '')).toMatch(message);
      expect(run.stderr).not.toMatch(STACK_FRAME);
    },
    30_000,
  );

  it('refuses --config and --ignorefile outside the repository', async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    const dir = outside();
    try {
      expect(() =>
        loadPolicy({ root: repo.root, configFile: path.join(dir, 'policy.yaml') }),
      ).toThrow(/is outside the repository/);
      expect(() =>
        loadPolicy({ root: repo.root, ignoreFiles: [path.join(dir, 'policy.yaml')] }),
      ).toThrow(/is outside the repository/);
      const run = await cli(['scan', '.', '--config', '/etc/hostname'], repo.root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is outside the repository/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Issue #13: policy mistakes about charts are configuration errors with a line.
describe('chart configuration mistakes', () => {
  it('names a charts: key that is not a chart directory, and a missing values file', () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    repo.write('docs/readme.md', 'not a chart\n');
    repo.write(
      '.kube-policy-gate.yaml',
      [
        'charts:',
        '  charts/nope:', //                                  2
        '    valuesSets: [{ name: a }]',
        '  docs:', //                                         4
        '    valuesSets: [{ name: a }]',
        '  charts/app:',
        '    valuesSets:',
        '      - name: prod',
        '        values:',
        '          - values-prod.yaml', //                    10
      ].join('\n'),
    );
    expect(() => loadPolicy({ root: repo.root })).toThrow(
      [
        ".kube-policy-gate.yaml:2: charts.charts/nope: 'charts/nope' is not a chart directory (not found)",
        ".kube-policy-gate.yaml:4: charts.docs: 'docs' is not a chart directory (not found)",
        ".kube-policy-gate.yaml:10: charts.charts/app.valuesSets[0].values: 'values-prod.yaml' (relative to charts/app) not found",
      ].join('\n'),
    );
  });

  it('rejects helm values that are not what helm expects, with file, line and key', () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 0.1.0\n');
    repo.write(
      '.kube-policy-gate.yaml',
      [
        'kubernetesVersion: --validate', //                   1
        'charts:',
        '  charts/app:',
        '    valuesSets:',
        '      - name: prod',
        '        namespace: -n', //                           6
        '        kubeVersion: latest', //                     7
        '        apiVersions: [--dry-run=server]', //         8
        '        set:', //                                    9
        '          "--post-renderer": x',
        '        values: [--values]', //                      11
      ].join('\n'),
    );
    let message = '';
    try {
      loadPolicy({ root: repo.root });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      '.kube-policy-gate.yaml:1: kubernetesVersion: "--validate" is not a Kubernetes version like "1.34"',
      '.kube-policy-gate.yaml:6: charts.charts/app.valuesSets.namespace: "-n" is not a Kubernetes namespace name (lower-case letters, digits and -, at most 63 characters)',
      '.kube-policy-gate.yaml:7: charts.charts/app.valuesSets.kubeVersion: "latest" is not a Kubernetes version',
      '.kube-policy-gate.yaml:8: charts.charts/app.valuesSets.apiVersions: "--dry-run=server" is not an API group/version (apps/v1, or group/version/Kind)',
      '.kube-policy-gate.yaml:10: charts.charts/app.valuesSets.set.--post-renderer: "--post-renderer" is not a values path (names of letters, digits, _ - / separated by dots, with [index]es)',
      '.kube-policy-gate.yaml:11: charts.charts/app.valuesSets.values: "--values" is not a relative path to a values file',
    ]);
  });
});
