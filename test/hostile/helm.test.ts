// Hostile charts through the real scan() and real helm: a template that recurses forever, one
// that fails, one with a `required` value missing. Each becomes a KPG002 finding naming the
// template (and line when helm gives one); the other charts and files are still scanned.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { loadPolicy } from '../../src/config/policy.js';
import { renderCharts } from '../../src/sources/helm/index.js';
import { toolEnvironment } from '../../src/sources/tools.js';
import { cli, goodFileFindings, GOOD_MANIFEST, scanRepo, tempRepo, type Repo } from './support.js';

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

// Issue #12: nothing from the pull request becomes a helm flag, helm runs fenced in, and nothing
// outside the repository is read through a chart. Each case with helm v3 and v4.
describe.each([3, 4] as const)('a hostile pull request against helm v%i', (major) => {
  let helm: string;
  let outside: string;
  beforeAll(async () => {
    helm = await devHelm(major);
    outside = mkdtempSync(path.join(tmpdir(), 'kpg-hostile-outside-'));
    writeFileSync(path.join(outside, 'secret.txt'), `${OUTSIDE_SECRET}\n`);
    mkdirSync(path.join(outside, 'dir'));
    writeFileSync(path.join(outside, 'dir', 'values.yaml'), `leak: ${OUTSIDE_SECRET}\n`);
    return () => rmSync(outside, { recursive: true, force: true });
  }, 180_000);
  let repo: Repo;
  afterEach(() => repo?.remove());

  /** A chart whose release name is the policy's, and a pwn.sh that writes a marker if run. */
  function pwnRepo(releaseName: string): { marker: string } {
    repo = tempRepo();
    const marker = path.join(repo.root, 'pwned');
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    repo.write('pwn.sh', `#!/bin/sh\ntouch ${JSON.stringify(marker)}\ncat\n`);
    chmodSync(path.join(repo.root, 'pwn.sh'), 0o755);
    repo.write(
      '.kube-policy-gate.yaml',
      [
        'charts:',
        '  charts/app:',
        '    valuesSets:',
        '      - name: evil',
        `        releaseName: ${JSON.stringify(releaseName)}`,
      ].join('\n'),
    );
    return { marker };
  }

  it.each(['--post-renderer=./pwn.sh', '--post-renderer', '-h', 'ok --post-renderer=./pwn.sh'])(
    'refuses releaseName %j as a configuration error, and pwn.sh never runs',
    async (name) => {
      const { marker } = pwnRepo(name);
      expect(() => loadPolicy({ root: repo.root })).toThrow(
        /^\.kube-policy-gate\.yaml:5: charts\.charts\/app\.valuesSets\.releaseName: .* is not a helm release name/,
      );
      const run = await cli(['scan', '.', '--helm', helm], repo.root);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/kube-policy-gate: \.kube-policy-gate\.yaml:5: /);
      expect(existsSync(marker)).toBe(false);
    },
  );

  it('never runs pwn.sh even when the loader is bypassed (the renderer checks again)', async () => {
    const { marker } = pwnRepo('x');
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
      extraSets: [
        { name: 'evil', valuesFiles: [], set: {}, releaseName: '--post-renderer=./pwn.sh' },
        { name: 'evil-ns', valuesFiles: [], set: {}, namespace: '--post-renderer=./pwn.sh' },
        { name: 'evil-api', valuesFiles: [], set: {}, apiVersions: ['--post-renderer=./pwn.sh'] },
        { name: 'evil-kube', valuesFiles: [], set: {}, kubeVersion: '--post-renderer=./pwn.sh' },
      ],
    });
    expect(rendered.failures.map((failure) => failure.valuesSets).flat()).toEqual([
      'evil',
      'evil-ns',
      'evil-api',
      'evil-kube',
    ]);
    expect(existsSync(marker)).toBe(false);
  });

  it('passes set pairs as values, never as --set text: commas and flags stay literal', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write(
      'charts/app/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: {{ .Values.a | quote }}\n  num: {{ kindOf .Values.n | quote }}\n  b: {{ .Values.b | toJson | quote }}\n',
    );
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
      extraSets: [
        {
          name: 'commas',
          valuesFiles: [],
          set: { a: 'x,post-renderer=./pwn.sh,--debug', n: '3', 'b[1]': 'true' },
        },
      ],
    });
    expect(rendered.failures).toEqual([]);
    const cm = rendered.resources.find((r) => r.origin.valuesSet === 'commas')!;
    expect(cm.object.data).toEqual({
      a: 'x,post-renderer=./pwn.sh,--debug',
      // The key is not `n:`, which the API server reads as `false` (YAML 1.1).
      num: 'float64',
      b: '[null,true]',
    });
  });

  it('runs helm without the runner environment: no token, no kubeconfig, no cluster', async () => {
    // A loopback "API server": nothing may ever connect to it.
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    repo = tempRepo();
    const kubeconfig = repo.write(
      'kubeconfig',
      `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\n    namespace: from-kubeconfig\nusers:\n- name: u\n  user:\n    token: KUBE-TOKEN\ncurrent-context: c\n`,
    );
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write(
      'charts/app/templates/cm.yaml',
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: probe',
        '  namespace: {{ .Release.Namespace }}',
        'data:',
        '  kube: {{ .Capabilities.KubeVersion.Version | quote }}',
        '  lookup: {{ lookup "v1" "Secret" "default" "token" | toJson | quote }}',
        '  namespaces: {{ lookup "v1" "Namespace" "" "" | toJson | quote }}',
        '',
      ].join('\n'),
    );
    // The runner's environment as the entry point sees it, with a kubeconfig, tokens and
    // HELM_* settings that must not reach helm.
    const runner = {
      ...process.env,
      KUBECONFIG: kubeconfig,
      GITHUB_TOKEN: 'ghs_SECRET',
      INPUT_TOKEN: 'ghs_SECRET',
      HELM_NAMESPACE: 'from-env',
      HELM_KUBEAPISERVER: `http://127.0.0.1:${port}`,
    };
    let rendered;
    try {
      rendered = await renderCharts({
        root: repo.root,
        charts: ['charts/app'],
        tools: toolEnvironment(runner, helm),
      });
    } finally {
      server.close();
    }
    expect(rendered.failures).toEqual([]);
    const [probe] = rendered.resources;
    expect(probe.object.data).toEqual({
      kube: 'v1.35.0',
      lookup: '{}',
      namespaces: '{}',
    });
    // Left to install time: neither the kubeconfig's namespace nor HELM_NAMESPACE nor default.
    expect(probe.ref.namespace).toBe('{{ .Release.Namespace }}');
    expect(requests).toEqual([]);
  });

  it('gives helm only PATH and its own temp homes (a stand-in helm records what it gets)', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    const record = path.join(outside, `env-${major}.txt`);
    const fakeHelm = path.join(outside, `helm-${major}`);
    writeFileSync(
      fakeHelm,
      [
        '#!/bin/sh',
        'if [ "$1" = version ]; then env > "$0.version-env"; echo v3.99.0; exit 0; fi',
        `env > ${JSON.stringify(record)}`,
        `printf '%s\\n' "$@" > ${JSON.stringify(`${record}.args`)}`,
        `cat ${JSON.stringify(path.join(repo.root, 'charts/app/templates/cm.yaml'))}`,
      ].join('\n'),
    );
    chmodSync(fakeHelm, 0o755);
    const runner = {
      ...process.env,
      GITHUB_TOKEN: 'ghs_SECRET',
      INPUT_GITHUB_TOKEN: 'ghs_SECRET',
      ACTIONS_RUNTIME_TOKEN: 'SECRET',
      AWS_SECRET_ACCESS_KEY: 'SECRET',
    };
    await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: toolEnvironment(runner, fakeHelm),
    });
    for (const file of [record, `${fakeHelm}.version-env`]) {
      const env = readFileSync(file, 'utf8');
      expect(env).not.toMatch(/SECRET|GITHUB_TOKEN|INPUT_|ACTIONS_/);
    }
    const env = Object.fromEntries(
      readFileSync(record, 'utf8')
        .trim()
        .split('\n')
        .map((line) => line.split(/=(.*)/s).slice(0, 2)),
    );
    const names = Object.keys(env).filter((name) => !['PWD', 'SHLVL', '_'].includes(name));
    expect(names.sort()).toEqual(
      [
        'PATH',
        'HOME',
        'TMPDIR',
        'KUBECONFIG',
        'HELM_CACHE_HOME',
        'HELM_CONFIG_HOME',
        'HELM_DATA_HOME',
        'HELM_PLUGINS',
        'HELM_REGISTRY_CONFIG',
        'HELM_REPOSITORY_CONFIG',
        'HELM_REPOSITORY_CACHE',
        'HELM_NO_PLUGINS',
        'XDG_CACHE_HOME',
        'XDG_CONFIG_HOME',
        'XDG_DATA_HOME',
        'GOGC',
        'GOMEMLIMIT',
        'HTTP_PROXY',
        'HTTPS_PROXY',
        'http_proxy',
        'https_proxy',
        'NO_PROXY',
        'no_proxy',
      ].sort(),
    );
    expect(env.KUBECONFIG).toMatch(/kpg-helm-/);
    expect(env.HOME).toMatch(/kpg-helm-/);
    // Go collects only near the memory one render is allowed (renders run one per core).
    expect([env.GOGC, env.GOMEMLIMIT]).toEqual(['off', '512MiB']);
    // Flags only of our own, then `--` before the positionals; never a network or cluster flag.
    const args = readFileSync(`${record}.args`, 'utf8').trim().split('\n');
    expect(args.slice(-3, -1)).toEqual(['--', 'app']);
    expect(args.join(' ')).not.toMatch(/--dependency-update|--validate|--dry-run|--set\b/);
    // The workspace is gone afterwards.
    expect(existsSync(path.dirname(env.KUBECONFIG))).toBe(false);
  });

  it('reads nothing outside the repository through symlinks in a chart, in any output format', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/values.yaml', 'privileged: true\n');
    repo.write('charts/app/files/inside.txt', 'inside content\n');
    repo.write('shared/config.txt', 'shared inside the repository\n');
    symlinkSync(
      path.join(outside, 'secret.txt'),
      path.join(repo.root, 'charts/app/files/leak.txt'),
    );
    symlinkSync('/proc/self/environ', path.join(repo.root, 'charts/app/files/environ'));
    symlinkSync(path.join(outside, 'dir'), path.join(repo.root, 'charts/app/files/outdir'));
    symlinkSync('../../../shared/config.txt', path.join(repo.root, 'charts/app/files/shared.txt'));
    repo.write(
      'charts/app/templates/cm.yaml',
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: files',
        'data:',
        '  leak: {{ .Files.Get "files/leak.txt" | quote }}',
        '  environ: {{ .Files.Get "files/environ" | quote }}',
        '  glob: {{ (.Files.Glob "files/**").AsConfig | quote }}',
        '  shared: {{ .Files.Get "files/shared.txt" | quote }}',
        '',
      ].join('\n'),
    );
    repo.write(
      'charts/app/templates/deployment.yaml',
      GOOD_CHART['charts/good/templates/deployment.yaml'],
    );
    const result = await scanRepo(repo.root, helm);
    const leftOut = result.findings.filter((finding) => finding.ruleId === 'KPG001');
    expect(leftOut.map((finding) => finding.file).sort()).toEqual([
      'charts/app/files/environ',
      'charts/app/files/leak.txt',
      'charts/app/files/outdir',
    ]);
    expect(leftOut[0].message).toMatch(/outside the repository/);
    // The chart is still rendered and checked; a link inside the repository is followed.
    expect(result.findings.some((f) => f.ruleId === 'KSV017' && f.chart === 'charts/app')).toBe(
      true,
    );
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
    });
    const files = rendered.resources.find((r) => r.ref.name === 'files')!;
    const data = files.object.data as Record<string, string>;
    expect(data.shared).toBe('shared inside the repository\n');
    expect(data.glob).toContain('inside content');
    expect(data).toMatchObject({ leak: '', environ: '' });
    for (const format of ['json', 'sarif', 'markdown', 'table']) {
      const run = await cli(['scan', '.', '--helm', helm, '--format', format], repo.root);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout + run.stderr).not.toContain(OUTSIDE_SECRET);
      expect(run.stdout + run.stderr).not.toMatch(/PATH=|HOME=/);
    }
  }, 120_000);

  it('reports a values file of a glob chart key that escapes or is missing, on its policy line', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    symlinkSync(
      path.join(outside, 'dir', 'values.yaml'),
      path.join(repo.root, 'charts/app/leak.yaml'),
    );
    repo.write(
      '.kube-policy-gate.yaml',
      [
        'charts:',
        '  "charts/*":',
        '    valuesSets:',
        '      - name: leak', //                             4
        '        values: [leak.yaml]',
        '      - name: missing', //                          6
        '        values: [nope.yaml]',
      ].join('\n'),
    );
    const result = await scanRepo(repo.root, helm);
    const failures = result.findings.filter((finding) => finding.ruleId === 'KPG002');
    expect(failures.map((f) => [f.file, f.line, f.valuesSets, f.message])).toEqual([
      [
        '.kube-policy-gate.yaml',
        4,
        ['leak'],
        'values file charts/app/leak.yaml (charts.charts/*.valuesSets[0].values) is a symlink to a place outside the repository',
      ],
      [
        '.kube-policy-gate.yaml',
        6,
        ['missing'],
        'values file charts/app/nope.yaml (charts.charts/*.valuesSets[1].values) not found',
      ],
    ]);
    expect(JSON.stringify(result)).not.toContain(OUTSIDE_SECRET);
  });

  it('leaves out a values.schema.json that would read a file or fetch a URL', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/values.yaml', 'a: 1\n');
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    repo.write(
      'charts/app/values.schema.json',
      JSON.stringify({
        type: 'object',
        properties: { a: { $ref: `file://${path.join(outside, 'secret.txt')}` } },
      }),
    );
    repo.write('charts/app/charts/sub/Chart.yaml', CHART_YAML('sub'));
    repo.write(
      'charts/app/charts/sub/templates/cm.yaml',
      CONFIG_MAP.replace('name: cm', 'name: sub'),
    );
    repo.write(
      'charts/app/charts/sub/values.schema.json',
      JSON.stringify({ $ref: 'http://127.0.0.1:9/schema.json' }),
    );
    // A schema that stays inside itself is kept, and helm validates against it.
    repo.write('charts/strict/Chart.yaml', CHART_YAML('strict'));
    repo.write('charts/strict/values.yaml', 'a: not-a-number\n');
    repo.write('charts/strict/templates/cm.yaml', CONFIG_MAP);
    repo.write(
      'charts/strict/values.schema.json',
      JSON.stringify({
        $schema: 'http://json-schema.org/draft-07/schema#',
        definitions: { n: { type: 'integer' } },
        properties: { a: { $ref: '#/definitions/n' } },
      }),
    );
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app', 'charts/strict'],
      tools: { helm },
    });
    expect(rendered.leftOut.map((entry) => entry.file)).toEqual([
      'charts/app/charts/sub/values.schema.json',
      'charts/app/values.schema.json',
    ]);
    expect(rendered.leftOut[1].message).toMatch(/^refers to \$ref "file:\/\/.*secret\.txt"/);
    expect(rendered.resources.map((r) => r.ref.name).sort()).toEqual(['cm', 'sub']);
    expect(rendered.failures).toEqual([
      expect.objectContaining({
        chart: 'charts/strict',
        message: expect.stringMatching(/integer/),
      }),
    ]);
    expect(JSON.stringify(rendered)).not.toContain(OUTSIDE_SECRET);
  });

  it('unpacks a subchart archive, leaving out its schema that would read a file', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    // helm reads an archive itself: its schema's $ref opened the file (helm v3 and v4).
    const packed = mkdtempSync(path.join(tmpdir(), 'kpg-hostile-archive-'));
    mkdirSync(path.join(packed, 'sub/templates'), { recursive: true });
    writeFileSync(path.join(packed, 'sub/Chart.yaml'), CHART_YAML('sub'));
    writeFileSync(
      path.join(packed, 'sub/templates/cm.yaml'),
      CONFIG_MAP.replace('name: cm', 'name: sub'),
    );
    writeFileSync(
      path.join(packed, 'sub/values.schema.json'),
      JSON.stringify({ $ref: `file://${path.join(outside, 'secret.txt')}` }),
    );
    mkdirSync(path.join(repo.root, 'charts/app/charts'));
    execFileSync('tar', [
      'czf',
      path.join(repo.root, 'charts/app/charts/sub-0.1.0.tgz'),
      '-C',
      packed,
      'sub',
    ]);
    rmSync(packed, { recursive: true, force: true });
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
    });
    expect(rendered.failures).toEqual([]);
    expect(rendered.resources.map((r) => r.ref.name).sort()).toEqual(['cm', 'sub']);
    expect(rendered.leftOut).toEqual([
      {
        file: 'charts/app/charts/sub-0.1.0.tgz',
        message: expect.stringMatching(
          /^values\.schema\.json in the subchart archive refers to \$ref "file:\/\/.*secret\.txt"/,
        ),
      },
    ]);
    expect(JSON.stringify(rendered)).not.toContain(OUTSIDE_SECRET);
  });

  it('leaves out a FIFO in a chart instead of letting helm block on it', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    execFileSync('mkfifo', [path.join(repo.root, 'charts/app/templates/fifo.yaml')]);
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
      timeoutMs: 20_000,
    });
    expect(rendered.failures).toEqual([]);
    expect(rendered.leftOut).toEqual([
      { file: 'charts/app/templates/fifo.yaml', message: expect.stringMatching(/FIFO/) },
    ]);
  });

  it('maps findings without reading a values file or template linked to /dev/zero', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', CHART_YAML('app'));
    repo.write('charts/app/templates/cm.yaml', CONFIG_MAP);
    symlinkSync('/dev/zero', path.join(repo.root, 'charts/app/values.yaml'));
    symlinkSync('/dev/zero', path.join(repo.root, 'charts/app/templates/zero.yaml'));
    const result = await scanRepo(repo.root, helm);
    // Left out of the copy helm renders, reported, and never read for line mapping either.
    const leftOut = result.findings.filter((finding) => finding.ruleId === 'KPG001');
    expect(leftOut.map((finding) => finding.file).sort()).toEqual([
      'charts/app/templates/zero.yaml',
      'charts/app/values.yaml',
    ]);
  });
});

const OUTSIDE_SECRET = 'OUTSIDE-SECRET-4c1f2b';
const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  a: b\n';
