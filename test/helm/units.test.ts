// The pieces of the Helm stage that need no helm: splitting, errors, template lines and
// references, alignment, values merging, and merging findings across values sets.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model.js';
import type { ChartInfo } from '../../src/sources/helm/chart.js';
import { resolveSource } from '../../src/sources/helm/chart.js';
import { largestFirst } from '../../src/sources/helm/index.js';
import { mergeAcrossValuesSets } from '../../src/sources/helm/merge.js';
import {
  errorPosition,
  helmError,
  helmTemplateArgs,
  missingDependencies,
} from '../../src/sources/helm/render.js';
import { align, segments } from '../../src/sources/helm/source-map.js';
import { splitRendered } from '../../src/sources/helm/split.js';
import { configuredValuesSets, valuesSetsFor } from '../../src/sources/helm/values-sets.js';
import { matchesLine, parseTemplate } from '../../src/sources/helm/template-model.js';
import {
  coalesce,
  nodesAt,
  setPairsTree,
  type ValuesNode,
} from '../../src/sources/helm/values-tree.js';

function chart(dir: string, name: string, subcharts: ChartInfo[] = []): ChartInfo {
  return { dir, name, valuesKey: name, subcharts, packaged: [], dependencies: [] };
}

describe('largestFirst (the render queue)', () => {
  it('runs at most `concurrency` at once and starts the largest waiting first, ties in order', async () => {
    const limit = largestFirst(2);
    const started: string[] = [];
    let running = 0;
    let most = 0;
    const gates = new Map<string, () => void>();
    const task = (name: string, size: number) =>
      limit(size, async () => {
        started.push(name);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => gates.set(name, resolve));
        running--;
        return name;
      });
    const done = [
      task('first', 1),
      task('second', 1),
      task('small', 1),
      task('large', 9),
      task('mid-a', 5),
      task('mid-b', 5),
    ];
    expect(started).toEqual(['first', 'second']);
    for (const name of ['first', 'second', 'large', 'mid-a', 'mid-b', 'small']) {
      await new Promise((resolve) => setImmediate(resolve));
      gates.get(name)!();
    }
    expect(await Promise.all(done)).toEqual([
      'first',
      'second',
      'small',
      'large',
      'mid-a',
      'mid-b',
    ]);
    expect(started).toEqual(['first', 'second', 'large', 'mid-a', 'mid-b', 'small']);
    expect(most).toBe(2);
  });

  it('passes a failure on and starts the next', async () => {
    const limit = largestFirst(1);
    const failing = limit(1, () => Promise.reject(new Error('helm failed')));
    await expect(failing).rejects.toThrow('helm failed');
    await expect(limit(1, async () => 'next')).resolves.toBe('next');
  });
});

describe('splitRendered', () => {
  it('splits on --- and labels each document with its # Source', () => {
    const output = [
      '---',
      '# Source: web/templates/a.yaml',
      'kind: A',
      '---',
      '# Source: web/charts/db/templates/b.yaml',
      'kind: B',
      'data:',
      '  x: |',
      '    --- not a separator',
      '---',
      '',
    ].join('\n');
    expect(splitRendered(output)).toEqual([
      { source: 'web/templates/a.yaml', lines: ['kind: A'] },
      {
        source: 'web/charts/db/templates/b.yaml',
        lines: ['kind: B', 'data:', '  x: |', '    --- not a separator'],
      },
    ]);
  });
});

describe('resolveSource', () => {
  const tree = chart('deploy/web', 'web-app', [chart('deploy/web/charts/postgres', 'db')]);
  it('maps chart names (not folders) to repository paths', () => {
    expect(resolveSource(tree, 'web-app/templates/a.yaml').file).toBe(
      'deploy/web/templates/a.yaml',
    );
    expect(resolveSource(tree, 'web-app/charts/db/templates/b.yaml')).toMatchObject({
      file: 'deploy/web/charts/postgres/templates/b.yaml',
      onDisk: true,
    });
  });
  it('falls back to the packaged subchart for templates not on disk', () => {
    const packaged = { ...tree, packaged: ['deploy/web/charts/redis-1.2.3.tgz'] };
    expect(resolveSource(packaged, 'web-app/charts/redis/templates/c.yaml')).toMatchObject({
      file: 'deploy/web/charts/redis-1.2.3.tgz',
      onDisk: false,
    });
  });
});

describe('helm errors', () => {
  it('keeps the error, not warnings or the --debug hint', () => {
    const stderr =
      'walk.go:75: found symbolic link\nError: parse error at (web/templates/a.yaml:7): bad\n\nUse --debug flag to render out invalid YAML\n';
    expect(helmError(stderr)).toBe('parse error at (web/templates/a.yaml:7): bad');
  });
  it('finds the template and line an error names', () => {
    expect(errorPosition('template: web/templates/a.yaml:12:3: executing ...')).toEqual({
      source: 'web/templates/a.yaml',
      line: 12,
    });
    expect(errorPosition('execution error at (web/charts/db/templates/b.yaml:4:5): x')).toEqual({
      source: 'web/charts/db/templates/b.yaml',
      line: 4,
    });
    expect(errorPosition('YAML parse error on web/templates/c.yaml: error converting')).toEqual({
      source: 'web/templates/c.yaml',
    });
    expect(errorPosition('chart requires kubeVersion: >=1.30')).toBeUndefined();
  });
  it('lists missing dependencies', () => {
    expect(
      missingDependencies('found in Chart.yaml, but missing in charts/ directory: a, b-c'),
    ).toEqual(['a', 'b-c']);
  });
});

describe('helmTemplateArgs', () => {
  it('is an argument array: our flags first, then `--`, then release name and chart', () => {
    expect(
      helmTemplateArgs({
        chartPath: '/tmp/ws/web',
        chartName: 'web',
        valuesFiles: ['/tmp/ws/values-0.yaml', '/tmp/ws/set-values.json'],
        valuesSet: {
          name: 'prod',
          valuesFiles: ['envs/prod.yaml'],
          set: [['image.tag', '1.2; rm -rf /']],
          namespace: 'prod',
          kubeVersion: '1.31.0',
          apiVersions: ['monitoring.coreos.com/v1'],
        },
      }),
    ).toEqual([
      'template',
      '--skip-tests',
      '--namespace',
      'prod',
      '--values',
      '/tmp/ws/values-0.yaml',
      '--values',
      '/tmp/ws/set-values.json',
      '--kube-version',
      '1.31.0',
      '--api-versions',
      'monitoring.coreos.com/v1',
      '--',
      'web',
      '/tmp/ws/web',
    ]);
  });
  it('uses a valid release name', () => {
    const args = (chartName: string) =>
      helmTemplateArgs({
        chartPath: '/c',
        chartName,
        valuesFiles: [],
        valuesSet: { name: 'default', valuesFiles: [], set: {} },
      }).at(-2);
    expect(args('web')).toBe('web');
    expect(args('Web_App')).toBe('release-name');
  });
  it('refuses a value that helm could read as a flag', () => {
    expect(() =>
      helmTemplateArgs({
        chartPath: '/c',
        chartName: 'c',
        valuesFiles: [],
        valuesSet: {
          name: 'x',
          valuesFiles: [],
          set: {},
          releaseName: '--post-renderer=./pwn.sh',
        },
      }),
    ).toThrow(/releaseName/);
  });
});

describe('parseTemplate', () => {
  const template = [
    'kind: Deployment', // 0 literal
    'metadata:', // 1
    '  name: {{ include "web.fullname" . }}', // 2 mixed
    '  {{- with .Values.podSecurityContext }}', // 3 skip
    '  securityContext:', // 4 literal
    '    {{- toYaml . | nindent 4 }}', // 5 emit, ref podSecurityContext
    '  {{- end }}', // 6 skip
    '  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}{{ if .Values.distroless }}-distroless{{ end }}"', // 7
    '  {{- range $name, $port := .Values.ports }}', // 8
    '  - port: {{ $port.number }}', // 9 ref ports.*.number
    '  {{- end }}', // 10
    '  hostNetwork: {{ index .Values "host-network" "enabled" }}', // 11
    '{{- define "web.fullname" -}}', // 12
    '{{ .Release.Name }}-{{ .Values.nameOverride }}', // 13
    '{{- end }}', // 14
  ].join('\n');
  const model = parseTemplate(template);

  it('classifies lines', () => {
    expect(model.lines.map((line) => line.kind)).toEqual([
      'literal',
      'literal',
      'mixed',
      'skip',
      'literal',
      'emit',
      'skip',
      'mixed',
      'skip',
      'mixed',
      'skip',
      'mixed',
      'skip',
      'mixed',
      'skip',
    ]);
  });

  it('resolves values references through with, range, variables and index', () => {
    expect(model.lines[5].refs).toEqual([['podSecurityContext']]);
    expect(model.lines[7].refs).toEqual([
      ['image', 'repository'],
      ['image', 'tag'],
    ]);
    expect(model.lines[9].refs).toEqual([['ports', '*', 'number']]);
    expect(model.lines[11].refs).toEqual([['host-network', 'enabled']]);
    expect(model.lines[2].includes).toEqual(['web.fullname']);
    expect(model.defines.get('web.fullname')).toMatchObject({
      refs: [['nameOverride']],
      startLine: 12,
      endLine: 14,
    });
  });

  it('matches rendered lines by their literal text; inline conditionals are optional', () => {
    expect(matchesLine(model.lines[7], 'image: "nginx:1.2"')).toBe(true);
    expect(matchesLine(model.lines[7], 'image: "nginx:1.2-distroless"')).toBe(true);
    expect(matchesLine(model.lines[7], 'command: "nginx:1.2"')).toBe(false);
    expect(matchesLine(model.lines[4], 'securityContext:')).toBe(true);
    expect(matchesLine(model.lines[4], 'securityContext: {}')).toBe(false);
  });

  it('aligns rendered lines with template lines; emitted lines stay unaligned', () => {
    const rendered = [
      'kind: Deployment',
      'metadata:',
      '  name: web-app',
      '  securityContext:',
      '    runAsUser: 0',
      '  image: "nginx:1.2"',
      '  - port: 80',
      '  - port: 81',
      '  hostNetwork: true',
    ];
    const anchors = [...align(rendered, model)];
    expect(anchors.slice(0, 6)).toEqual([0, 1, 2, 4, -1, 7]);
    // One iteration of the range anchors; the other is matched to the same line when located.
    expect(anchors.slice(6, 8).sort()).toEqual([-1, 9]);
    expect(anchors[8]).toBe(11);
  });
});

describe('segments', () => {
  it('splits a template where helm splits documents: at --- lines, not indented ones', () => {
    const model = parseTemplate(
      [
        '{{- if .Values.a }}', // 0
        'kind: A', // 1
        '---', // 2
        '{{- end }}', // 3
        'kind: B', // 4
        'data:', // 5
        '  x: |', // 6
        '    ---', // 7: inside a block scalar
        '---   ', // 8
        '{{- range .Values.c }}', // 9: no literal text, no document
        '---', // 10
        'kind: C', // 11
        '{{- end }}', // 12
      ].join('\n'),
    );
    expect(model.lines.map((line) => line.separator)).toEqual(
      [2, 8, 10].reduce((flags, j) => flags.with(j, true), Array<boolean>(13).fill(false)),
    );
    expect(segments(model, 0, model.lines.length)).toEqual([
      [0, 2],
      [3, 8],
      [11, 13],
    ]);
  });
});

describe('values merging', () => {
  const node = (value: unknown, file = 'values.yaml', line = 1): ValuesNode => ({
    kind: 'scalar',
    value,
    file,
    line,
  });
  const map = (entries: Record<string, ValuesNode>, file = 'values.yaml'): ValuesNode => ({
    kind: 'map',
    children: new Map(Object.entries(entries)),
    file,
    line: 1,
  });

  it('merges maps key by key, replaces the rest, and deletes on null', () => {
    const base = map({
      image: map({
        repository: node('nginx', 'values.yaml', 2),
        tag: node('1.2', 'values.yaml', 3),
      }),
      debug: node(true),
    });
    const overlay = map(
      {
        image: map({ tag: node('latest', 'ci/prod.yaml', 2) }, 'ci/prod.yaml'),
        debug: node(null, 'ci/prod.yaml'),
      },
      'ci/prod.yaml',
    );
    const merged = coalesce(base, overlay);
    expect(nodesAt(merged, ['image', 'tag'])[0].node).toMatchObject({
      value: 'latest',
      file: 'ci/prod.yaml',
      line: 2,
    });
    expect(nodesAt(merged, ['image', 'repository'])[0].node).toMatchObject({
      value: 'nginx',
      line: 2,
    });
    expect(nodesAt(merged, ['debug'])).toEqual([]);
  });

  it('reads --set pairs as typed values without a file', () => {
    const tree = setPairsTree([
      ['a.b', 'true'],
      ['a.c', '3'],
      ['list[0].x', 'y'],
    ]);
    expect(nodesAt(tree, ['a', 'b'])[0].node).toEqual({ kind: 'scalar', value: true });
    expect(nodesAt(tree, ['a', 'c'])[0].node.value).toBe(3);
    expect(nodesAt(tree, ['list', '0', 'x'])[0].node.value).toBe('y');
  });
});

describe('mergeAcrossValuesSets', () => {
  const finding = (valuesSet: string, line = 5): Finding => ({
    ruleId: 'KSV017',
    aliases: [],
    severity: 'high',
    title: 'Privileged',
    message: 'm',
    file: 'c/values.yaml',
    line,
    source: 'helm-values',
    chart: 'c',
    valuesSet,
    fingerprint: valuesSet,
  });
  it('reports a finding once per place, listing the sets it occurs in', () => {
    const merged = mergeAcrossValuesSets([
      finding('default'),
      finding('ci/a.yaml'),
      finding('ci/b.yaml', 9),
    ]);
    expect(merged.map((f) => [f.line, f.valuesSet, f.valuesSets, f.fingerprint])).toEqual([
      [5, 'default', ['default', 'ci/a.yaml'], 'default'],
      [9, 'ci/b.yaml', ['ci/b.yaml'], 'ci/b.yaml'],
    ]);
  });
});

describe('valuesSetsFor', () => {
  const root = path.resolve('.');
  const app = 'test/fixtures/charts/app';
  const policyCharts = (replaceDiscovered: boolean) =>
    configuredValuesSets(
      new Map([
        [
          'test/fixtures/charts/*',
          {
            replaceDiscovered,
            valuesSets: [{ name: 'prod', values: ['ci/prod-values.yaml'], set: { replicas: '3' } }],
          },
        ],
        [
          'elsewhere/chart',
          { replaceDiscovered: true, valuesSets: [{ name: 'x', values: [], set: {} }] },
        ],
      ]),
    );

  it('renders values.yaml, each ci/ file, then the policy sets for the chart', async () => {
    const sets = await valuesSetsFor(root, app, policyCharts(false));
    expect(sets.map((set) => [set.name, set.valuesFiles])).toEqual([
      ['default', []],
      ['ci/prod-values.yaml', [`${app}/ci/prod-values.yaml`]],
      ['prod', [`${app}/ci/prod-values.yaml`]],
    ]);
    expect(sets[2].set).toEqual({ replicas: '3' });
  });

  it('renders only the policy sets with replaceDiscovered', async () => {
    const sets = await valuesSetsFor(root, app, policyCharts(true));
    expect(sets.map((set) => set.name)).toEqual(['prod']);
  });
});

describe('helmError on runaway recursion', () => {
  it('keeps where the chain starts and where it ends', () => {
    const frame =
      'template: app/templates/loop.yaml:3:4: executing "loop" at <include "loop" .>: error calling include: ';
    const message = helmError(
      `Error: ${frame.repeat(1000)}exceeded max depth\nUse --debug flag to render out invalid YAML\n`,
    );
    expect(message.length).toBeLessThan(1100);
    expect(message.startsWith('template: app/templates/loop.yaml:3:4')).toBe(true);
    expect(message.endsWith('exceeded max depth')).toBe(true);
  });
});
