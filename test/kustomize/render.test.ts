// The Kustomize render stage on test/fixtures/kustomize (a base, two overlays, a strategic-merge
// patch, a JSON 6902 patch, an `images:` override and a component), with the real kustomize of
// kubectl v1.30 and v1.35: every finding on the line a human changes, once per problem.
import { execFile } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devKubectl } from '../../scripts/dev-kubectl.js';
import type { Policy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { evaluateResources } from '../../src/rules/evaluate.js';
import { scan } from '../../src/scan.js';
import { discover } from '../../src/sources/discover.js';
import { kustomizeGraph, reachable } from '../../src/sources/kustomize/graph.js';
import {
  mergeAcrossOverlays,
  renderKustomizations,
  type RenderKustomizationsOptions,
} from '../../src/sources/kustomize/index.js';
import type { KustomizeBinary } from '../../src/sources/kustomize/render.js';
import { toolEnvironment, type ToolEnvironment } from '../../src/sources/tools.js';

const FIXTURE = path.resolve('test/fixtures/kustomize');
const BOTH = ['overlays/production', 'overlays/staging'];

function policyOf(...ids: string[]): Policy {
  return {
    failOn: 'high',
    rules: new Map(ids.map((id) => [id, { severity: 'high' as const }])),
    paths: [],
    exclude: [],
    exceptions: [],
    requireReason: false,
    charts: new Map(),
  };
}

/** The fields a human reads: rule, where, from which source, in which overlays. */
function placed(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    at: `${finding.file}:${finding.line}${finding.endLine ? `-${finding.endLine}` : ''}`,
    source: finding.source,
    overlays: finding.overlays,
  };
}

/** A scratch copy of the fixture (plus extra files), removed after the test file. */
const scratch: string[] = [];
function copyFixture(extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpg-kust-test-'));
  scratch.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

async function render(
  root: string,
  binary: KustomizeBinary,
  options: Partial<RenderKustomizationsOptions> = {},
) {
  const { manifests } = await discover(root, [], []);
  return renderKustomizations({ root, manifests, binary, ...options });
}

const RULES = ['KSV005', 'KSV009', 'KSV010', 'KSV012', 'KSV013', 'KSV017'];

describe.each([30, 35] as const)('kubectl v1.%i kustomize', (minor) => {
  let binary: KustomizeBinary;
  let kubectl: string;
  beforeAll(async () => {
    kubectl = await devKubectl(minor);
    binary = { command: kubectl, args: ['kustomize'] };
  });

  it('renders the two overlays; bases, components and patches are inputs, not manifests', async () => {
    const root = copyFixture({
      'plain/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n',
    });
    const rendered = await render(root, binary);
    expect(rendered.failures).toEqual([]);
    expect(rendered.errors).toEqual([]);
    // Only the manifest no kustomization lists is scanned as a file of its own.
    expect(rendered.manifests).toEqual(['plain/configmap.yaml']);
    expect(
      rendered.resources.map(
        (r) => `${r.origin.overlay} ${r.ref.kind}/${r.ref.namespace}/${r.ref.name}`,
      ),
    ).toEqual([
      'overlays/production Service/production/web',
      'overlays/production Deployment/production/web',
      'overlays/staging Service/staging/staging-web',
      'overlays/staging Deployment/staging/staging-web',
    ]);
  });

  it('places each finding on the patch, images entry, component or base line', async () => {
    const rendered = await render(copyFixture(), binary);
    const findings = [
      ...mergeAcrossOverlays(evaluateResources(rendered.resources, policyOf(...RULES))),
    ].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    expect(findings.map(placed)).toEqual([
      // Missing runAsNonRoot: the base's container entry, in both overlays.
      {
        ruleId: 'KSV012',
        at: 'base/deployment.yaml:18-25',
        source: 'kustomize-base',
        overlays: BOTH,
      },
      // An added capability written in the base.
      { ruleId: 'KSV005', at: 'base/deployment.yaml:25', source: 'kustomize-base', overlays: BOTH },
      // hostPID from the component's inline patch (a literal block, line for line).
      {
        ruleId: 'KSV010',
        at: 'components/host-debug/kustomization.yaml:14',
        source: 'kustomize-patch',
        overlays: ['overlays/production'],
      },
      // hostNetwork from the JSON 6902 operation's value.
      {
        ruleId: 'KSV009',
        at: 'overlays/production/host-network.yaml:3',
        source: 'kustomize-patch',
        overlays: ['overlays/production'],
      },
      // The `latest` tag from the staging overlay's images: entry.
      {
        ruleId: 'KSV013',
        at: 'overlays/staging/kustomization.yaml:11-12',
        source: 'kustomization',
        overlays: ['overlays/staging'],
      },
      // privileged from the strategic-merge patch (the container matched by name).
      {
        ruleId: 'KSV017',
        at: 'overlays/staging/privileged.yaml:11',
        source: 'kustomize-patch',
        overlays: ['overlays/staging'],
      },
    ]);
    // The merged finding is the first overlay's, with its resource and rendered position.
    expect(findings[0].overlay).toBe('overlays/production');
    expect(findings[0].resource).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'web',
      namespace: 'production',
    });
  });

  it('keeps the line in the build output as kustomize prints it (the annotations it added for us removed)', async () => {
    const root = copyFixture();
    const rendered = await render(root, binary);
    const findings = evaluateResources(rendered.resources, policyOf(...RULES));
    const output = new Map<string, string[]>();
    for (const overlay of BOTH) {
      const { stdout } = await promisify(execFile)(kubectl, [
        'kustomize',
        path.join(root, overlay),
      ]);
      output.set(`${overlay}/kustomization.yaml`, stdout.split('\n'));
    }
    const at = (finding: Finding) =>
      output.get(finding.rendered!.file)![finding.rendered!.line - 1].trim();
    const lines = findings.map((finding) => `${finding.overlay} ${finding.ruleId} ${at(finding)}`);
    expect(lines.sort()).toEqual([
      'overlays/production KSV005 - SYS_ADMIN',
      'overlays/production KSV009 hostNetwork: true',
      'overlays/production KSV010 hostPID: true',
      'overlays/production KSV012 - env:',
      'overlays/staging KSV005 - SYS_ADMIN',
      'overlays/staging KSV012 - image: registry.example.com/web:latest',
      'overlays/staging KSV013 - image: registry.example.com/web:latest',
      'overlays/staging KSV017 privileged: true',
    ]);
  });

  it('reports a remote base or one outside the repository on its entry, and still renders the others', async () => {
    const root = copyFixture({
      'remote/kustomization.yaml':
        'resources:\n  - ../base\n  - github.com/example/deploy//base?ref=v1.2.3\n',
      'escape/kustomization.yaml': 'resources:\n  - ../../../../../etc\ncomponents:\n  - /tmp\n',
    });
    const rendered = await render(root, binary);
    expect(rendered.failures).toEqual([
      {
        file: 'escape/kustomization.yaml',
        line: 2,
        overlay: 'escape',
        message: expect.stringMatching(
          /^'..\/..\/..\/..\/..\/etc' is outside the repository/,
        ) as string,
      },
      {
        file: 'escape/kustomization.yaml',
        line: 4,
        overlay: 'escape',
        message: expect.stringMatching(/^'\/tmp' is outside the repository/) as string,
      },
      {
        file: 'remote/kustomization.yaml',
        line: 3,
        overlay: 'remote',
        message: expect.stringMatching(
          /^remote base 'github.com\/example\/deploy\/\/base\?ref=v1.2.3' is not fetched .*kustomize localize/,
        ) as string,
      },
    ]);
    expect(new Set(rendered.resources.map((r) => r.origin.overlay))).toEqual(new Set(BOTH));
  });

  it("fails closed with kustomize's message on the entry it names", async () => {
    const root = copyFixture({
      'broken/kustomization.yaml': 'resources:\n  - ../base\n  - missing.yaml\n',
    });
    const rendered = await render(root, binary);
    expect(rendered.failures).toHaveLength(1);
    const [failure] = rendered.failures;
    expect(failure).toMatchObject({
      file: 'broken/kustomization.yaml',
      line: 3,
      overlay: 'broken',
    });
    expect(failure.message).toMatch(/^kustomize build broken failed: .*missing\.yaml/);
    // No temp path leaks into the message.
    expect(failure.message).not.toContain(tmpdir());
    expect(new Set(rendered.resources.map((r) => r.origin.overlay))).toEqual(new Set(BOTH));
  });

  it('never follows a symlink out of the repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'kpg-kust-outside-'));
    scratch.push(outside);
    writeFileSync(
      path.join(outside, 'pod.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: leaked\ndata:\n  secret: outside-the-repo\n',
    );
    const root = copyFixture({ 'linked/kustomization.yaml': 'resources:\n  - pod.yaml\n' });
    symlinkSync(path.join(outside, 'pod.yaml'), path.join(root, 'linked/pod.yaml'));
    const rendered = await render(root, binary);
    expect(rendered.errors).toContainEqual({
      file: 'linked/pod.yaml',
      message: 'symlink points outside the repository; not followed',
      level: 'warning',
    });
    expect(rendered.failures).toMatchObject([{ file: 'linked/kustomization.yaml', line: 2 }]);
    expect(JSON.stringify(rendered.failures)).not.toContain(outside);
    expect(rendered.resources.some((r) => r.ref.name === 'leaked')).toBe(false);
  });

  it('runs no plugin, exec function or Helm chart a kustomization asks for', async () => {
    const root = copyFixture({
      'exec/kustomization.yaml': 'resources:\n  - ../base\ntransformers:\n  - fn.yaml\n',
      'exec/fn.yaml':
        'apiVersion: example.com/v1\nkind: Pwn\nmetadata:\n  name: pwn\n  annotations:\n' +
        '    config.kubernetes.io/function: |\n      exec:\n        path: ./pwn.sh\n',
      'exec/pwn.sh': '#!/bin/sh\ntouch "$(dirname "$0")/PWNED"\ntouch /tmp/kpg-kust-PWNED\n',
      'helm/kustomization.yaml':
        'namespace: charts\nhelmCharts:\n  - name: x\n    repo: https://example.com/charts\n    version: 1.0.0\n',
    });
    chmodSync(path.join(root, 'exec/pwn.sh'), 0o755);
    const rendered = await render(root, binary);
    // On the key that asks for what the build refuses.
    expect(rendered.failures.map((f) => [f.overlay, f.file, f.line])).toEqual([
      ['exec', 'exec/kustomization.yaml', 3],
      ['helm', 'helm/kustomization.yaml', 2],
    ]);
    expect(rendered.failures[0].message).toMatch(/plugins disabled/);
    expect(rendered.failures[1].message).toMatch(/--enable-helm/);
    expect(existsSync(path.join(root, 'exec/PWNED'))).toBe(false);
    expect(existsSync('/tmp/kpg-kust-PWNED')).toBe(false);
  });

  it("places a workload's replica count on the replicas: entry that set it", async () => {
    const root = copyFixture({
      'scaled/kustomization.yaml': [
        'resources:', // 1
        '  - ../base', // 2
        'replicas:', // 3
        '  - name: web', // 4
        '    count: 5', // 5
        '',
      ].join('\n'),
    });
    const rendered = await render(root, binary, { roots: ['scaled', 'overlays/staging'] });
    const deployment = (overlay: string) =>
      rendered.resources.find((r) => r.origin.overlay === overlay && r.ref.kind === 'Deployment')!;
    expect(rendered.failures).toEqual([]);
    const scaled = deployment('scaled');
    expect(scaled.object.spec).toMatchObject({ replicas: 5 });
    expect(scaled.origin.locate(['spec', 'replicas'])).toMatchObject({
      file: 'scaled/kustomization.yaml',
      line: 4,
      endLine: 5,
      source: 'kustomization',
    });
    // Without an entry, the count is the base's.
    expect(deployment('overlays/staging').origin.locate(['spec', 'replicas'])).toMatchObject({
      file: 'base/deployment.yaml',
      source: 'kustomize-base',
    });
  });

  it('places the labels and annotations an overlay adds on the lines that add them', async () => {
    const apparmor = 'container.apparmor.security.beta.kubernetes.io/app';
    const root = copyFixture({
      'labelled/kustomization.yaml': [
        'resources:', // 1
        '  - ../base', // 2
        'commonLabels:', // 3
        '  team: payments', // 4
        'labels:', // 5
        '  - pairs:', // 6
        '      tier: web', // 7
        'commonAnnotations:', // 8
        `  ${apparmor}: unconfined`, // 9
        '',
      ].join('\n'),
    });
    const rendered = await render(root, binary, { roots: ['labelled'] });
    expect(rendered.failures).toEqual([]);
    const web = rendered.resources.find((r) => r.ref.kind === 'Deployment')!;
    const at = (...path: string[]) => {
      const { file, line } = web.origin.locate(path);
      return `${file}:${line}`;
    };
    expect(at('metadata', 'labels', 'team')).toBe('labelled/kustomization.yaml:4');
    expect(at('spec', 'selector', 'matchLabels', 'team')).toBe('labelled/kustomization.yaml:4');
    expect(at('spec', 'template', 'metadata', 'labels', 'team')).toBe(
      'labelled/kustomization.yaml:4',
    );
    expect(at('metadata', 'labels', 'tier')).toBe('labelled/kustomization.yaml:7');
    expect(at('spec', 'template', 'metadata', 'annotations', apparmor)).toBe(
      'labelled/kustomization.yaml:9',
    );
    // What the base wrote stays on the base.
    expect(at('metadata', 'labels', 'app')).toBe('base/deployment.yaml:6');
  });

  it('passes no directory name as a flag: a root named like one renders as a directory', async () => {
    const root = copyFixture({
      '--enable-exec/kustomization.yaml': 'resources:\n  - ../base\nnamePrefix: flag-\n',
    });
    const rendered = await render(root, binary);
    expect(rendered.failures).toEqual([]);
    expect(rendered.resources.filter((r) => r.origin.overlay === '--enable-exec')).toHaveLength(2);
  });

  it('renders only the configured roots, and says when one is not a kustomization', async () => {
    const root = copyFixture();
    const rendered = await render(root, binary, {
      roots: ['overlays/staging', 'nowhere'],
      policyFile: '.kube-policy-gate.yaml',
    });
    expect(new Set(rendered.resources.map((r) => r.origin.overlay))).toEqual(
      new Set(['overlays/staging']),
    );
    expect(rendered.errors).toEqual([
      {
        file: '.kube-policy-gate.yaml',
        message: "kustomize.roots: 'nowhere' is not a directory holding a kustomization",
      },
    ]);
    // A patch is never a manifest, rendered or not; the base is rendered through staging.
    expect(rendered.manifests).toEqual([]);
  });
});

describe('the scan pipeline with Kustomize', () => {
  // kubectl found on the tool search path, as the entry points hand it to scan().
  let tools: ToolEnvironment;
  beforeAll(async () => {
    tools = toolEnvironment({ PATH: path.dirname(await devKubectl()) });
  });

  it('honours a suppression annotation written in the base, in every overlay', async () => {
    const root = copyFixture();
    const deployment = path.join(root, 'base/deployment.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      deployment,
      readFileSync(deployment, 'utf8').replace(
        '  labels:\n    app: web\nspec:',
        '  labels:\n    app: web\n  annotations:\n    kube-policy-gate.io/ignore: KSV005\nspec:',
      ),
    );
    const result = await scan({ root, paths: [], policy: policyOf(...RULES), tools });
    expect(result.findings.filter((f) => f.ruleId === 'KSV005')).toEqual([]);
    expect(result.suppressed.filter((s) => s.ruleId === 'KSV005').length).toBeGreaterThan(0);
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(
      ['KSV009', 'KSV010', 'KSV012', 'KSV013', 'KSV017'].sort(),
    );
  });

  it('renders a root whose kustomization file is named `Kustomization`', async () => {
    const root = copyFixture({
      'solo/Kustomization':
        'resources:\n  - ../base\npatches:\n  - target: { kind: Deployment }\n    patch: |\n      - op: add\n        path: /spec/template/spec/hostNetwork\n        value: true\n',
    });
    const result = await scan({ root, paths: [], policy: policyOf(...RULES), tools });
    const hostNetwork = result.findings.filter(
      (f) => f.ruleId === 'KSV009' && f.overlay === 'solo',
    );
    expect(hostNetwork.map(placed)).toEqual([
      {
        ruleId: 'KSV009',
        at: 'solo/Kustomization:8',
        source: 'kustomize-patch',
        overlays: ['solo'],
      },
    ]);
  });

  it('turns a remote base into one KPG003 finding listing the overlays that need it', async () => {
    const root = copyFixture({
      'shared/kustomization.yaml': 'resources:\n  - https://example.com/deploy.yaml\n',
      'one/kustomization.yaml': 'resources:\n  - ../shared\n',
      'two/kustomization.yaml': 'resources:\n  - ../shared\n',
    });
    const result = await scan({ root, paths: [], policy: policyOf(...RULES), tools });
    expect(result.findings.filter((f) => f.ruleId === 'KPG003').map(placed)).toEqual([
      {
        ruleId: 'KPG003',
        at: 'shared/kustomization.yaml:2',
        source: 'kustomization',
        overlays: ['one', 'two'],
      },
    ]);
    expect(result.summary.failed).toBe(true);
  });
});

describe('mergeAcrossOverlays', () => {
  const finding = (overlay: string, name: string): Finding => ({
    ruleId: 'KSV017',
    aliases: [],
    severity: 'high',
    title: 'Privileged',
    message: `Container 'app' of Deployment '${name}' should set 'securityContext.privileged' to false`,
    file: 'base/deployment.yaml',
    line: 11,
    source: 'kustomize-base',
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: overlay },
    container: 'app',
    overlay,
    rendered: { file: `${overlay}/kustomization.yaml`, line: 30 },
    fingerprint: `per-${overlay}`,
  });

  it('reports one finding per problem, the same whatever order the overlays come in', () => {
    const findings = [finding('prod', 'prod-web'), finding('dev', 'dev-web'), finding('qa', 'web')];
    const merged = mergeAcrossOverlays(findings);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ overlay: 'dev', overlays: ['dev', 'prod', 'qa'] });
    expect(merged[0].message).toContain("'dev-web'");
    for (const order of [
      [2, 1, 0],
      [1, 0, 2],
      [0, 2, 1],
    ]) {
      expect(mergeAcrossOverlays(order.map((i) => findings[i]))).toEqual(merged);
    }
    // Adding an overlay does not make the finding look new.
    expect(mergeAcrossOverlays(findings.slice(0, 2))[0].fingerprint).toBe(merged[0].fingerprint);
  });

  it('keeps findings on different lines, rules or containers apart', () => {
    const other = { ...finding('dev', 'dev-web'), line: 12 };
    expect(mergeAcrossOverlays([finding('prod', 'prod-web'), other])).toHaveLength(2);
    const noOverlay = { ...finding('dev', 'web'), overlay: undefined };
    expect(mergeAcrossOverlays([noOverlay])).toEqual([noOverlay]);
  });
});

describe('kustomizeGraph on hostile layouts', () => {
  it('follows a chain of thousands of bases without exhausting the stack', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-kust-chain-'));
    scratch.push(root);
    const depth = 5000;
    for (let i = 0; i < depth; i++) {
      mkdirSync(path.join(root, `k${i}`));
      const next = i + 1 < depth ? `../k${i + 1}` : 'cm.yaml';
      writeFileSync(path.join(root, `k${i}/kustomization.yaml`), `resources:\n  - ${next}\n`);
    }
    writeFileSync(path.join(root, `k${depth - 1}/cm.yaml`), 'apiVersion: v1\nkind: ConfigMap\n');
    const graph = kustomizeGraph({ root, files: ['k0/kustomization.yaml'] });
    expect(graph.byDir.size).toBe(depth);
    expect(graph.roots).toEqual(['k0']);
    expect(reachable(graph, graph.roots).size).toBe(depth);
    expect(graph.inputs.has(`k${depth - 1}/cm.yaml`)).toBe(true);
  });
});
