// Hostile configuration: a policy file of the wrong type and a `.trivyignore` full of garbage.
// A broken policy is a configuration error (exit 2) naming file and line; ignore-file lines that
// are not rule IDs are left alone, as Trivy leaves them.
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
