// Hostile charts through the real scan() and real helm: a template that recurses forever, one
// that fails, one with a `required` value missing. Each becomes a KPG002 finding naming the
// template (and line when helm gives one); the other charts and files are still scanned.
import { beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { goodFileFindings, GOOD_MANIFEST, scanRepo, tempRepo, type Repo } from './support.js';

const CHART_YAML = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;

/** A chart whose Deployment runs a privileged container: the default pack reports it (KSV017). */
const GOOD_CHART = {
  'charts/good/Chart.yaml': CHART_YAML('good'),
  'charts/good/values.yaml': 'privileged: true\n',
  'charts/good/templates/deployment.yaml': GOOD_MANIFEST.replace(
    'privileged: true',
    'privileged: {{ .Values.privileged }}',
  ),
};

const HOSTILE_CHARTS = {
  // Recursion without end: helm stops it at its include depth limit.
  'charts/loops/Chart.yaml': CHART_YAML('loops'),
  'charts/loops/templates/_helpers.tpl':
    '{{- define "loops.again" -}}\n{{ include "loops.again" . }}\n{{- end -}}\n',
  'charts/loops/templates/configmap.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: loops\ndata:\n  x: {{ include "loops.again" . | quote }}\n',
  'charts/fails/Chart.yaml': CHART_YAML('fails'),
  'charts/fails/templates/configmap.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fails\n{{ fail "this chart refuses to render" }}\n',
  'charts/needs-value/Chart.yaml': CHART_YAML('needs-value'),
  'charts/needs-value/values.yaml': 'image: {}\n',
  'charts/needs-value/templates/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: needs-value\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: {{ required "image.repository is required" .Values.image.repository }}\n',
  'charts/bad-output/Chart.yaml': CHART_YAML('bad-output'),
  'charts/bad-output/templates/broken.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata: [unclosed\n',
};

describe.each([3, 4] as const)('hostile charts, helm v%i', (major) => {
  let helm: string;
  let repo: Repo;
  let result: Awaited<ReturnType<typeof scanRepo>>;
  beforeAll(async () => {
    helm = await devHelm(major);
    repo = tempRepo();
    for (const [file, content] of Object.entries({ ...GOOD_CHART, ...HOSTILE_CHARTS })) {
      repo.write(file, content);
    }
    repo.write('good.yaml', GOOD_MANIFEST);
    result = await scanRepo(repo.root, helm);
    return () => repo.remove();
  }, 180_000);

  const renderFailure = (chart: string) =>
    result.findings.filter((finding) => finding.ruleId === 'KPG002' && finding.chart === chart);

  it('still scans the good chart and the plain manifest', () => {
    expect(goodFileFindings(result)).toHaveLength(1);
    const chartFinding = result.findings.find(
      (finding) => finding.chart === 'charts/good' && finding.ruleId === 'KSV017',
    );
    expect(chartFinding).toMatchObject({ file: 'charts/good/values.yaml', line: 1 });
    expect(result.summary.failed).toBe(true);
  });

  it('reports a template that recurses forever', () => {
    const [failure] = renderFailure('charts/loops');
    expect(failure.message).toMatch(/^helm template failed: /);
    expect(failure.message).toMatch(/loops\.again|nested|depth/i);
    expect(failure).toMatchObject({ file: 'charts/loops/templates/configmap.yaml', line: 6 });
    expect(failure.message).toMatch(/loops\/templates\/_helpers\.tpl/);
  });

  it('reports a template that fails, with its message', () => {
    const [failure] = renderFailure('charts/fails');
    expect(failure.message).toMatch(/this chart refuses to render/);
    expect(failure).toMatchObject({ file: 'charts/fails/templates/configmap.yaml', line: 5 });
  });

  it('reports a missing required value on the template line that requires it', () => {
    const [failure] = renderFailure('charts/needs-value');
    expect(failure.message).toMatch(/image\.repository is required/);
    expect(failure).toMatchObject({
      file: 'charts/needs-value/templates/deployment.yaml',
      line: 10,
      valuesSet: 'default',
    });
  });

  it('reports rendered output that is not YAML, naming the template', () => {
    const [failure] = renderFailure('charts/bad-output');
    expect(failure.message).toMatch(/YAML parse error/);
    expect(failure.file).toBe('charts/bad-output/templates/broken.yaml');
  });
});
