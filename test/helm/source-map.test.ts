// Golden tests of the Helm source map (src/sources/helm/source-map.ts): one small chart per
// mapping case under test/fixtures/source-map/, rendered with helm v3 and v4, and the file:line
// of every finding of the rules the case is about.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import type { Policy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { evaluateResources } from '../../src/rules/evaluate.js';
import { renderCharts, type ConfiguredValuesSet } from '../../src/sources/helm/index.js';
import { createRenderWorkspace, renderChart } from '../../src/sources/helm/render.js';
import { align } from '../../src/sources/helm/source-map.js';
import { splitRendered } from '../../src/sources/helm/split.js';
import { parseTemplate } from '../../src/sources/helm/template-model.js';

const ROOT = path.resolve('.');
const FIXTURES = 'test/fixtures/source-map';

function policyOf(ids: readonly string[]): Policy {
  return {
    failOn: 'high',
    rules: new Map(ids.map((id) => [id, { severity: 'high' as const }])),
    paths: [],
    exclude: [],
  } as unknown as Policy;
}

/** `RULE resource/container file:line [values set]`, the file relative to the chart. */
function placed(chartDir: string, finding: Finding): string {
  const who = [finding.resource?.name, finding.container].filter(Boolean).join('/');
  const file = path.posix.relative(chartDir, finding.file);
  const set = finding.valuesSet === 'default' ? '' : ` [${finding.valuesSet}]`;
  return `${finding.ruleId} ${who} ${file}:${finding.line}${set}`;
}

interface Case {
  chart: string;
  rules: string[];
  extraSets?: ConfiguredValuesSet[];
  /** Every finding of `rules`, sorted. */
  findings: string[];
}

const CASES: Record<string, Case> = {
  // The worked example in source-map.ts's header.
  'literal lines, a toYaml block, and the registry and tag of one image string': {
    chart: 'worked-example',
    rules: ['KSV001', 'KSV0125', 'KSV013', 'KSV017'],
    findings: [
      // A missing field: the literal line that starts the container entry.
      'KSV001 demo-web/web templates/web.yaml:9',
      // `{{ .repository }}:{{ .tag }}`: the registry on `repository:`, the tag on `tag:`.
      'KSV0125 demo-web/web values.yaml:2',
      'KSV013 demo-web/web values.yaml:3',
      // Inside a map emitted by `toYaml | nindent`: the key at the same relative path.
      'KSV017 demo-web/web values.yaml:5',
    ],
  },
  'fields written by included helpers, and a helper output held in a variable': {
    chart: 'include',
    rules: ['KSV001', 'KSV017', 'KSV020', 'KSV024'],
    findings: [
      // The container entry is a literal line of the helper included by the daemonset.
      'KSV001 agent/agent templates/_pod.tpl:3',
      // A value on a helper's line, included by a helper: its values line.
      'KSV017 agent/agent values.yaml:1',
      // A literal in the nested helper.
      'KSV020 agent/agent templates/_helpers.tpl:4',
      // `$ports := include "include.ports" .` then `{{ $ports | nindent 6 }}`: followed into the
      // helper and to the port's hostPort key (not the daemonset's include line).
      'KSV024 agent/agent values.yaml:6',
    ],
  },
  'range: repeated containers and one document per item': {
    chart: 'range',
    rules: ['KSV010', 'KSV013', 'KSV017'],
    findings: [
      // The second document of a `range` with `---` inside it: that item's key.
      'KSV010 backup values.yaml:12',
      // The second iteration of a range of containers: that item's values.
      'KSV013 web/debug values.yaml:6',
      'KSV017 web/debug values.yaml:7',
    ],
  },
  '--set: values with no line point at the template line that writes them': {
    chart: 'set',
    rules: ['KSV0125', 'KSV013', 'KSV017'],
    extraSets: [
      {
        chart: `${FIXTURES}/set`,
        name: 'canary',
        valuesFiles: [],
        set: { privileged: 'true', 'image.tag': 'latest' },
      },
    ],
    findings: [
      // The registry still comes from values.yaml in both sets.
      'KSV0125 app/app values.yaml:3',
      'KSV0125 app/app values.yaml:3 [canary]',
      // The tag and the flag come from --set: the template lines that write them.
      'KSV013 app/app templates/pod.yaml:8 [canary]',
      'KSV017 app/app templates/pod.yaml:10 [canary]',
    ],
  },
  'near-identical documents in one template, printed reordered by kind': {
    chart: 'documents',
    rules: ['KSV013', 'KSV017', 'KSV020', 'KSV021'],
    findings: [
      'KSV013 cartservice/server values.yaml:3',
      'KSV013 redis-cart/redis values.yaml:6',
      // Two Pods identical but for the values they read: each on its own copy, for a field
      // present (privileged) and one missing (runAsUser: the container entry).
      'KSV017 pod-a/main templates/pods.yaml:10',
      'KSV017 pod-b/main templates/pods.yaml:21',
      'KSV020 pod-a/main templates/pods.yaml:7',
      'KSV020 pod-b/main templates/pods.yaml:18',
      'KSV021 pod-a/main templates/pods.yaml:7',
      'KSV021 pod-b/main templates/pods.yaml:18',
      // redis-cart's literal lines are its own, not cartservice's (15/17).
      'KSV020 cartservice/server templates/cartservice.yaml:17',
      'KSV020 redis-cart/redis templates/cartservice.yaml:49',
      'KSV021 cartservice/server templates/cartservice.yaml:15',
      'KSV021 redis-cart/redis templates/cartservice.yaml:47',
    ].sort(),
  },
};

describe.each([3, 4] as const)('helm v%i', (major) => {
  let helm: string;
  beforeAll(async () => {
    helm = await devHelm(major);
  });

  it.each(Object.entries(CASES))('%s', async (_name, { chart, rules, extraSets, findings }) => {
    const chartDir = `${FIXTURES}/${chart}`;
    const rendered = await renderCharts({
      root: ROOT,
      charts: [chartDir],
      tools: { helm },
      extraSets,
    });
    expect(rendered.failures).toEqual([]);
    expect(rendered.errors).toEqual([]);
    const found = evaluateResources(rendered.resources, policyOf(rules));
    expect(found.map((finding) => placed(chartDir, finding)).sort()).toEqual(findings);
  });

  it("aligns the worked example's rendered document as its header says", async () => {
    const chartDir = `${FIXTURES}/worked-example`;
    const workspace = await createRenderWorkspace();
    const result = await renderChart({
      helm,
      workspace,
      chartPath: path.join(ROOT, chartDir),
      chartName: 'demo',
      valuesSet: { name: 'default', valuesFiles: [], set: {} },
      valuesFiles: [],
      timeoutMs: 60_000,
    }).finally(() => workspace.remove());
    if (!result.ok) throw new Error(result.error);
    const [document] = splitRendered(result.output);
    const lines = document.lines.filter((line) => line.trim() !== ''); // helm's final newline
    const template = readFileSync(path.join(ROOT, chartDir, 'templates/web.yaml'), 'utf8');
    const anchors = [...align(lines, parseTemplate(template))];
    // 0-based: rendered lines 1-11 on template lines 1-11, line 12 written by `toYaml`.
    expect(anchors).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1]);
  });
});
