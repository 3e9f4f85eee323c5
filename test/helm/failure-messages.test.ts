// A chart that does not render is a KPG002 finding whose message is helm's, with the paths a
// human knows: the chart's and the values files' in the repository, never helm's temporary
// workspace (its chart copy, our copies of the values files, the file with a values set's `set`
// pairs), with real helm v3 and v4.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { loadPolicy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { scan } from '../../src/scan.js';
import { withoutWorkspace } from '../../src/sources/helm/index.js';
import { tempRepo, type Repo } from '../hostile/support.js';

/** What a workspace path or name looks like in a message (src/sources/helm/render.ts). */
const WORKSPACE_TRACES = [/kpg-helm-/, /<helm workspace>/, /\b\d+-values-\d+\.yaml/, /set-values/];

const chart = (name: string, extra = '') =>
  `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n${extra}`;
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n';

let repo: Repo;
beforeAll(() => {
  repo = tempRepo();
  const files: Record<string, string> = {
    'charts/template/Chart.yaml': chart('template'),
    'charts/template/templates/cm.yaml': `${CONFIG_MAP}data:\n  x: {{ .Values.a.b.c }}\n`,
    'charts/dependency/Chart.yaml': chart(
      'dependency',
      'dependencies:\n  - name: redis\n    version: 1.0.0\n    repository: https://charts.example.com\n',
    ),
    'charts/dependency/templates/cm.yaml': CONFIG_MAP,
    'charts/schema/Chart.yaml': chart('schema'),
    'charts/schema/values.yaml': 'replicas: many\n',
    'charts/schema/values.schema.json':
      '{"type":"object","properties":{"replicas":{"type":"integer"}}}',
    'charts/schema/templates/cm.yaml': CONFIG_MAP,
    'charts/values/Chart.yaml': chart('values'),
    'charts/values/templates/cm.yaml': CONFIG_MAP,
    'charts/values/ci/broken-values.yaml': 'a: 1\nb:\n\t- tab\n',
    'charts/values/values-prod.yaml': 'a: 1\nb: [\n',
    'charts/set/Chart.yaml': chart('set'),
    'charts/set/templates/cm.yaml': `${CONFIG_MAP}data:\n  x: {{ required "x is required" .Values.x | quote }}\n`,
    '.kube-policy-gate.yaml': [
      'charts:',
      '  charts/values:',
      '    valuesSets:',
      '      - name: prod',
      '        values: [values-prod.yaml]',
      '  charts/set:',
      '    valuesSets:',
      '      - name: pinned',
      '        set: { y: "1" }',
      '',
    ].join('\n'),
  };
  for (const [file, text] of Object.entries(files)) repo.write(file, text);
});
afterAll(() => repo.remove());

describe.each([3, 4] as const)('KPG002 with helm v%i', (major) => {
  let failures: Finding[];
  beforeAll(async () => {
    const helm = await devHelm(major);
    const policy = loadPolicy({ root: repo.root });
    const result = await scan({ root: repo.root, paths: [], policy, tools: { helm } });
    failures = result.findings.filter((finding) => finding.ruleId === 'KPG002');
  });
  const failureIn = (file: string) => {
    const found = failures.filter((finding) => finding.file === file);
    expect(found, `a KPG002 on ${file}`).toHaveLength(1);
    return found[0]!;
  };

  it('shows no path or name of the temporary workspace in any message', () => {
    expect(failures.length).toBeGreaterThanOrEqual(6);
    for (const { message } of failures) {
      for (const trace of WORKSPACE_TRACES) expect(message).not.toMatch(trace);
      expect(message).not.toContain(path.dirname(repo.root));
    }
  });

  it('a template error names the template and its line', () => {
    const failure = failureIn('charts/template/templates/cm.yaml');
    expect(failure.line).toBe(5);
    expect(failure.message).toMatch(/template\/templates\/cm\.yaml:5:/);
  });

  it('a missing dependency says how to vendor it', () => {
    expect(failureIn('charts/dependency/Chart.yaml').message).toMatch(
      /^chart dependencies missing from charts\/dependency\/charts\/: redis\. /,
    );
  });

  it("a values schema failure names the chart and the value, as helm's schema check does", () => {
    const { message } = failureIn('charts/schema/Chart.yaml');
    expect(message).toMatch(/values don't meet the specifications of the schema/);
    expect(message).toMatch(/replicas/);
  });

  it('a values file that does not parse is named as the repository has it, on its line', () => {
    const ci = failureIn('charts/values/ci/broken-values.yaml');
    expect(ci.line).toBe(3);
    expect(ci.message).toMatch(
      /^helm template failed: failed to parse charts\/values\/ci\/broken-values\.yaml: .*yaml: line 3: /,
    );
    const prod = failureIn('charts/values/values-prod.yaml');
    expect(prod.message).toMatch(/failed to parse charts\/values\/values-prod\.yaml: /);
  });

  it('a values set with set pairs fails on the template, without the file the pairs went into', () => {
    const failure = failureIn('charts/set/templates/cm.yaml');
    expect(failure.message).toMatch(/x is required/);
  });
});

describe('withoutWorkspace', () => {
  const workspace = { dir: '/tmp/kpg-helm-abc', realDir: '/private/tmp/kpg-helm-abc' };
  const shown = new Map([
    ['/tmp/kpg-helm-abc/work/1-app', 'charts/app'],
    ['/tmp/kpg-helm-abc/work/2-values-0.yaml', 'charts/app/values-prod.yaml'],
    ['/tmp/kpg-helm-abc/work/3-set-values.json', "the set values of values set 'prod'"],
  ]);
  const text = (error: string) => {
    const result = withoutWorkspace({ ok: false, error }, workspace, shown);
    return result.ok ? '' : result.error;
  };

  it('names the chart copy and the values files as the repository has them', () => {
    expect(text('failed to parse /tmp/kpg-helm-abc/work/2-values-0.yaml: yaml: line 2: x')).toBe(
      'failed to parse charts/app/values-prod.yaml: yaml: line 2: x',
    );
    expect(text('open /tmp/kpg-helm-abc/work/1-app/values.schema.json: denied')).toBe(
      'open charts/app/values.schema.json: denied',
    );
    expect(text('bad /tmp/kpg-helm-abc/work/3-set-values.json')).toBe(
      "bad the set values of values set 'prod'",
    );
  });

  it('also when helm printed the path with its links resolved, or as a file URL', () => {
    expect(text('file:///private/tmp/kpg-helm-abc/work/1-app/values.schema.json#')).toBe(
      'file://charts/app/values.schema.json#',
    );
    expect(text('in /private/tmp/kpg-helm-abc/home/.cache')).toBe(
      'in <helm workspace>/home/.cache',
    );
    expect(text('in /tmp/kpg-helm-abc/work/9-other')).toBe('in 9-other');
  });

  it('names a chart rendered where it is (not copied) by its repository path', () => {
    const inPlace = new Map([['/home/runner/work/repo/charts/web', 'charts/web']]);
    const result = withoutWorkspace(
      { ok: false, error: 'open /home/runner/work/repo/charts/web/templates/x.yaml: denied' },
      workspace,
      inPlace,
    );
    expect(result).toEqual({ ok: false, error: 'open charts/web/templates/x.yaml: denied' });
  });
});
