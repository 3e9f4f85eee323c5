// Property-based tests (fast-check, fixed seeds): random YAML documents, random Kubernetes-shaped
// objects and random Dockerfiles through the engine. It never throws, every finding has a real
// position, and the same input twice gives byte-identical output.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { evaluateDockerfiles, evaluateResources } from '../../src/rules/evaluate.js';
import { sortFindings } from '../../src/gate.js';
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { parseManifests } from '../../src/sources/manifests.js';
import { hadolintExceptions } from '../../src/suppress/hadolint.js';
import { loadShellParser } from '../../src/sources/shell.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
beforeAll(() => loadShellParser());

const EMPTY_ROOT = mkdtempSync(path.join(tmpdir(), 'kpg-property-'));
// Every Kubernetes and Dockerfile rule, so that each check meets the random input.
const policy = loadPolicy({ root: EMPTY_ROOT, packs: ['default', 'trivy', 'hadolint'] });
const SETTINGS = { seed: 8_2024, numRuns: 150 };

/** The engine on manifest text: parse, evaluate every rule, sort, as scan() does. */
function checkManifest(text: string): string {
  const { resources, errors } = parseManifests(text, { file: 'random.yaml' });
  const findings = sortFindings(evaluateResources(resources, policy));
  const lines = text.split('\n').length;
  for (const finding of findings) expectPlaced(finding, lines);
  for (const error of errors) expect(error.line).toBeGreaterThanOrEqual(1);
  return JSON.stringify({ findings, errors });
}

function expectPlaced(finding: Finding, lines: number): void {
  expect(Number.isInteger(finding.line)).toBe(true);
  expect(finding.line).toBeGreaterThanOrEqual(1);
  expect(finding.line).toBeLessThanOrEqual(lines);
  if (finding.endLine !== undefined) expect(finding.endLine).toBeGreaterThan(finding.line);
  expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}(:\d+)?$/);
}

function checkDockerfile(text: string): string {
  const model = parseDockerfile(text, 'Dockerfile');
  const findings = sortFindings(evaluateDockerfiles([model], policy));
  const lines = text.split(/\r?\n/).length;
  for (const finding of findings) expectPlaced(finding, lines);
  const exceptions = hadolintExceptions([model], policy.hadolint);
  return JSON.stringify({ findings, exceptions: exceptions.length });
}

// --- Arbitraries --------------------------------------------------------------------------------

const scalar = fc.oneof(
  fc.boolean(),
  fc.integer({ min: -70_000, max: 70_000 }),
  fc.constantFrom(null, '', '0', 'true', 'yes', '~', 'ALL', '*', 'latest', 'RuntimeDefault'),
  fc.string({ maxLength: 12 }),
);

/** Any JSON-like value, keys drawn partly from Kubernetes' vocabulary. */
const KEYS = [
  'apiVersion',
  'kind',
  'metadata',
  'name',
  'namespace',
  'spec',
  'template',
  'containers',
  'initContainers',
  'image',
  'securityContext',
  'privileged',
  'capabilities',
  'add',
  'drop',
  'runAsUser',
  'runAsNonRoot',
  'hostPath',
  'volumes',
  'rules',
  'verbs',
  'resources',
  'items',
  'data',
  'subjects',
  'roleRef',
  'ports',
  'hostPort',
  'seccompProfile',
  'type',
  'annotations',
];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 6 }));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  ),
}));

const WORKLOAD_KINDS = [
  'Pod',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
  'ReplicaSet',
  'PodTemplate',
];
const OTHER_KINDS = [
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'ConfigMap',
  'Service',
  'Namespace',
  'NetworkPolicy',
  'List',
];

const securityContext = fc.record(
  {
    privileged: fc.oneof(fc.boolean(), scalar),
    allowPrivilegeEscalation: fc.oneof(fc.boolean(), scalar),
    runAsNonRoot: fc.oneof(fc.boolean(), scalar),
    runAsUser: fc.oneof(fc.integer({ min: -1, max: 70_000 }), scalar),
    readOnlyRootFilesystem: fc.boolean(),
    capabilities: fc.oneof(
      fc.record(
        {
          add: fc.array(fc.oneof(scalar, fc.constantFrom('SYS_ADMIN', 'NET_RAW'))),
          drop: fc.array(scalar),
        },
        { requiredKeys: [] },
      ),
      tree,
    ),
    seccompProfile: fc.oneof(fc.record({ type: scalar }), tree),
    procMount: scalar,
  },
  { requiredKeys: [] },
);

const container = fc.record(
  {
    name: fc.oneof(fc.string({ maxLength: 8 }), scalar),
    image: fc.oneof(
      fc.constantFrom('nginx', 'nginx:latest', 'a/b@sha256:00', 'tiller', ''),
      scalar,
    ),
    securityContext: fc.oneof(securityContext, tree),
    ports: fc.array(fc.record({ containerPort: scalar, hostPort: scalar }, { requiredKeys: [] }), {
      maxLength: 2,
    }),
    env: tree,
  },
  { requiredKeys: [] },
);

const podSpec = fc.record(
  {
    containers: fc.oneof(fc.array(container, { maxLength: 3 }), tree),
    initContainers: fc.array(container, { maxLength: 2 }),
    hostNetwork: scalar,
    hostPID: scalar,
    securityContext: fc.oneof(securityContext, tree),
    volumes: fc.oneof(
      fc.array(fc.record({ name: scalar, hostPath: tree }, { requiredKeys: [] }), { maxLength: 2 }),
      tree,
    ),
  },
  { requiredKeys: [] },
);

/** Kubernetes-shaped objects: real kinds, pod templates in the right place, junk anywhere. */
const kubeObject = fc
  .record({
    kind: fc.oneof(fc.constantFrom(...WORKLOAD_KINDS, ...OTHER_KINDS), scalar),
    apiVersion: fc.constantFrom(
      'v1',
      'apps/v1',
      'batch/v1',
      'rbac.authorization.k8s.io/v1',
      'extensions/v1beta1',
    ),
    metadata: fc.oneof(
      fc.record(
        {
          name: scalar,
          namespace: fc.oneof(fc.constantFrom('default', 'kube-system'), scalar),
          annotations: tree,
        },
        { requiredKeys: [] },
      ),
      tree,
    ),
    pod: podSpec,
    rules: fc.array(
      fc.record(
        {
          apiGroups: tree,
          resources: tree,
          verbs: fc.oneof(fc.array(fc.constantFrom('*', 'get', 'create', 'bind')), tree),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    ),
    data: tree,
    extra: tree,
  })
  .map(({ kind, apiVersion, metadata, pod, rules, data, extra }) => {
    const template = { metadata: { labels: { app: 'x' } }, spec: pod };
    const spec =
      kind === 'Pod'
        ? pod
        : kind === 'CronJob'
          ? { jobTemplate: { spec: { template } } }
          : kind === 'PodTemplate'
            ? undefined
            : { template, extra };
    return {
      apiVersion,
      kind,
      metadata,
      ...(spec ? { spec } : {}),
      ...(kind === 'PodTemplate' ? { template } : {}),
      rules,
      data,
      items: kind === 'List' ? [extra] : undefined,
    };
  });

/** YAML text of several documents, sometimes with anchors, comments and flow style. */
const manifestText = fc
  .tuple(
    fc.array(kubeObject, { minLength: 1, maxLength: 4 }),
    fc.constantFrom('block', 'flow', 'comments'),
  )
  .map(([objects, style]) =>
    objects
      .map((object) => {
        const text = stringify(object, {
          aliasDuplicateObjects: true,
          ...(style === 'flow' ? { collectionStyle: 'flow' } : {}),
        });
        return style === 'comments' ? `# generated\n${text.replace(/\n/g, ' # c\n')}` : text;
      })
      .join('---\n'),
  );

const INSTRUCTIONS = [
  'FROM',
  'RUN',
  'CMD',
  'LABEL',
  'MAINTAINER',
  'EXPOSE',
  'ENV',
  'ADD',
  'COPY',
  'ENTRYPOINT',
  'VOLUME',
  'USER',
  'WORKDIR',
  'ARG',
  'ONBUILD',
  'STOPSIGNAL',
  'HEALTHCHECK',
  'SHELL',
  'from',
  'BOGUS',
];
const WORDS = [
  'debian',
  'debian:12',
  'alpine:latest',
  'scratch',
  'AS',
  'build',
  '--from=build',
  '--platform=$BUILDPLATFORM',
  'apt-get',
  'install',
  '-y',
  'curl',
  'pip',
  'npm',
  'sudo',
  'cd',
  '/app',
  '&&',
  '||',
  ';',
  '|',
  '\\',
  '<<EOF',
  'EOF',
  '"quoted',
  "'single",
  '$VAR',
  '${VAR:-x}',
  '[',
  ']',
  '["sh",',
  '"-c"]',
  'key=value',
  '80/tcp',
  '99999',
  'root',
  '0:0',
  '#',
  '# hadolint ignore=DL3008',
  'wget',
  'http://x',
  '.',
  '*',
  '--chown=1:1',
  'NONE',
  '`',
  '\t',
];
const dockerLine = fc.oneof(
  fc
    .tuple(fc.constantFrom(...INSTRUCTIONS), fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }))
    .map(([keyword, words]) => `${keyword} ${words.join(' ')}`),
  fc.constantFrom(
    '# comment',
    '# escape=`',
    '# syntax=docker/dockerfile:1',
    '',
    '   ',
    'EOF',
    '  && echo more \\',
  ),
  fc.string({ maxLength: 20 }),
);
const dockerfileText = fc
  .tuple(fc.array(dockerLine, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => lines.join(eol));

// --- Properties ---------------------------------------------------------------------------------

describe('the engine on random input', () => {
  it('never throws on random YAML documents, and is deterministic', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (value, asList) => {
        const text = stringify(asList ? { kind: 'List', items: [value, value] } : value);
        expect(checkManifest(text)).toBe(checkManifest(text));
      }),
      SETTINGS,
    );
  });

  it('never throws on random text with YAML names', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.string({ maxLength: 30 }),
        fc.constantFrom(
          '---',
          '...',
          'kind: Pod',
          '  - a',
          'a: &x 1',
          'b: *x',
          'c: *missing',
          '%YAML 1.2',
          '? [a]',
          ': b',
          '"unclosed',
          '{[}]',
          '\t- tab',
          '!!binary x',
          '<<: *x',
        ),
      ),
      { maxLength: 20 },
    );
    fc.assert(
      fc.property(yamlish, (lines) => {
        const text = lines.join('\n');
        expect(checkManifest(text)).toBe(checkManifest(text));
      }),
      SETTINGS,
    );
  });

  it('never throws on random Kubernetes-shaped objects; every finding is placed', () => {
    let findings = 0;
    fc.assert(
      fc.property(manifestText, (text) => {
        const output = checkManifest(text);
        expect(output).toBe(checkManifest(text));
        findings += (JSON.parse(output) as { findings: unknown[] }).findings.length;
      }),
      SETTINGS,
    );
    // The generator reaches the rules: random workloads break them often.
    expect(findings).toBeGreaterThan(SETTINGS.numRuns);
  });

  it('never throws on random Dockerfiles, and is deterministic', () => {
    let findings = 0;
    fc.assert(
      fc.property(dockerfileText, (text) => {
        const output = checkDockerfile(text);
        expect(output).toBe(checkDockerfile(text));
        findings += (JSON.parse(output) as { findings: unknown[] }).findings.length;
      }),
      SETTINGS,
    );
    expect(findings).toBeGreaterThan(SETTINGS.numRuns);
  });
});
