// --cluster through dist/cli.js against a stand-in API server on 127.0.0.1 that answers the real list
// endpoints (and the discovery a params kind needs) with the API server's response shapes. The gate
// only lists: any other verb is refused here and fails the test.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli.js');
const requests: { method: string; url: string }[] = [];
let server: Server;
let dir: string;

const list = (apiVersion: string, kind: string, items: unknown[]) => ({
  kind: `${kind}List`,
  apiVersion,
  metadata: { resourceVersion: '4711' },
  items,
});
const meta = (name: string, extra: object = {}) => ({
  name,
  uid: `uid-${name}`,
  resourceVersion: '1',
  creationTimestamp: '2026-01-01T00:00:00Z',
  ...extra,
});
const ROUTES: Record<string, unknown> = {
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies': list(
    'admissionregistration.k8s.io/v1',
    'ValidatingAdmissionPolicy',
    [
      {
        metadata: meta('replicalimit-policy.example.com', { generation: 1 }),
        spec: {
          failurePolicy: 'Fail',
          paramKind: { apiVersion: 'rules.example.com/v1', kind: 'ReplicaLimit' },
          matchConstraints: {
            matchPolicy: 'Equivalent',
            namespaceSelector: {},
            objectSelector: {},
            resourceRules: [
              {
                apiGroups: ['apps'],
                apiVersions: ['v1'],
                operations: ['CREATE', 'UPDATE'],
                resources: ['deployments'],
                scope: '*',
              },
            ],
          },
          validations: [
            { expression: 'object.spec.replicas <= params.maxReplicas', reason: 'Invalid' },
          ],
        },
        status: { observedGeneration: 1, typeChecking: {} },
      },
      // Stored by an older server, it no longer compiles: the API server rejects what it matches.
      {
        metadata: meta('configmap-size.example.com', { generation: 1 }),
        spec: {
          failurePolicy: 'Fail',
          matchConstraints: {
            matchPolicy: 'Equivalent',
            resourceRules: [
              {
                apiGroups: [''],
                apiVersions: ['v1'],
                operations: ['CREATE'],
                resources: ['configmaps'],
                scope: '*',
              },
            ],
          },
          validations: [{ expression: 'object.data.size() <= limit' }],
        },
      },
    ],
  ),
  '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings': list(
    'admissionregistration.k8s.io/v1',
    'ValidatingAdmissionPolicyBinding',
    [
      {
        metadata: meta('replicalimit-binding-test.example.com', { generation: 1 }),
        spec: {
          policyName: 'replicalimit-policy.example.com',
          validationActions: ['Deny'],
          paramRef: {
            name: 'replica-limit-test.example.com',
            namespace: 'default',
            parameterNotFoundAction: 'Deny',
          },
          matchResources: {
            matchPolicy: 'Equivalent',
            namespaceSelector: { matchLabels: { environment: 'test' } },
            objectSelector: {},
          },
        },
      },
      {
        metadata: meta('configmap-size-binding', { generation: 1 }),
        spec: { policyName: 'configmap-size.example.com', validationActions: ['Deny'] },
      },
    ],
  ),
  '/api/v1/namespaces': list('v1', 'Namespace', [
    {
      metadata: meta('default', { labels: { 'kubernetes.io/metadata.name': 'default' } }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
    {
      metadata: meta('test-ns', {
        labels: { 'kubernetes.io/metadata.name': 'test-ns', environment: 'test' },
      }),
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    },
  ]),
  '/apis/rules.example.com/v1': {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: 'rules.example.com/v1',
    resources: [
      {
        name: 'replicalimits',
        singularName: 'replicalimit',
        namespaced: true,
        kind: 'ReplicaLimit',
        verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
        storageVersionHash: 'abc=',
      },
    ],
  },
  '/apis/rules.example.com/v1/replicalimits': {
    apiVersion: 'rules.example.com/v1',
    kind: 'ReplicaLimitList',
    metadata: { continue: '', resourceVersion: '4711' },
    items: [
      {
        apiVersion: 'rules.example.com/v1',
        kind: 'ReplicaLimit',
        metadata: meta('replica-limit-test.example.com', { namespace: 'default' }),
        maxReplicas: 3,
      },
    ],
  },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '' });
    const route = ROUTES[new URL(req.url ?? '/', 'http://x').pathname];
    res.setHeader('Content-Type', 'application/json');
    if (req.method !== 'GET') {
      res.statusCode = 405;
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'MethodNotAllowed',
          code: 405,
        }),
      );
    } else if (!route) {
      res.statusCode = 404;
      res.end(
        JSON.stringify({
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'the server could not find the requested resource',
          reason: 'NotFound',
          details: {},
          code: 404,
        }),
      );
    } else res.end(JSON.stringify(route));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  dir = mkdtempSync(path.join(tmpdir(), 'kpg-cluster-'));
  writeFileSync(
    path.join(dir, 'kubeconfig'),
    `apiVersion: v1\nkind: Config\nclusters:\n- name: stand-in\n  cluster:\n    server: http://127.0.0.1:${port}\n    insecure-skip-tls-verify: true\nusers:\n- name: ci\n  user:\n    token: not-a-secret\ncontexts:\n- name: ci\n  context: { cluster: stand-in, user: ci }\ncurrent-context: ci\n`,
  );
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

async function cli(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('--cluster through dist/cli.js', () => {
  it("applies the cluster's policies, bindings, params and namespaces, with list calls only", async () => {
    const repo = mkdtempSync(path.join(dir, 'repo-'));
    writeFileSync(path.join(repo, '.kube-policy-gate.yaml'), 'extends: []\n');
    const deployment = (name: string, replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: test-ns\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers:\n        - { name: app, image: nginx:1.27 }\n`;
    writeFileSync(
      path.join(repo, 'web.yaml'),
      deployment('web', 4) + '---\n' + deployment('small', 2),
    );
    writeFileSync(
      path.join(repo, 'settings.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: settings, namespace: test-ns }\ndata: { a: b }\n',
    );
    const { code, stdout, stderr } = await cli(
      ['scan', '.', '--format', 'json', '--cluster', '--kubeconfig', path.join(dir, 'kubeconfig')],
      repo,
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    // The broken policy of the cluster: a warning with no file or line, the ConfigMap it matches denied.
    expect(report.errors).toEqual([
      {
        file: '(cluster)',
        level: 'warning',
        message:
          "the cluster's ValidatingAdmissionPolicy 'configmap-size.example.com' with binding 'configmap-size-binding' cannot be applied, the API server rejects every request it matches: compilation failed: ERROR: <input>:1:23: undeclared reference to 'limit' (in container '')\n | object.data.size() <= limit\n | ......................^",
      },
    ]);
    expect(
      report.findings.map(
        (f: { ruleId: string; line: number; message: string; resource: { name: string } }) => [
          f.ruleId,
          f.resource.name,
          f.line,
          f.message,
        ],
      ),
    ).toEqual([
      // Sorted by file.
      [
        'vap/configmap-size.example.com',
        'settings',
        2,
        "ValidatingAdmissionPolicy 'configmap-size.example.com' with binding 'configmap-size-binding' denied request: compilation error: compilation failed: ERROR: <input>:1:23: undeclared reference to 'limit' (in container '')\n | object.data.size() <= limit\n | ......................^",
      ],
      [
        'vap/replicalimit-policy.example.com',
        'web',
        7,
        "ValidatingAdmissionPolicy 'replicalimit-policy.example.com' with binding 'replicalimit-binding-test.example.com' denied request: failed expression: object.spec.replicas <= params.maxReplicas",
      ],
    ]);
    expect(requests.every((r) => r.method === 'GET')).toBe(true);
    expect(requests.map((r) => new URL(r.url, 'http://x').pathname)).toEqual(
      expect.arrayContaining([
        '/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies',
        '/api/v1/namespaces',
        '/apis/rules.example.com/v1/replicalimits',
      ]),
    );
  });

  it('reports an unreachable cluster as an error, and still scans the repository', async () => {
    const repo = mkdtempSync(path.join(dir, 'repo-'));
    writeFileSync(path.join(repo, '.kube-policy-gate.yaml'), 'extends: []\n');
    writeFileSync(
      path.join(dir, 'dead'),
      'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster: { server: "http://127.0.0.1:9" }\nusers:\n- name: u\n  user: { token: t }\ncontexts:\n- name: x\n  context: { cluster: c, user: u }\ncurrent-context: x\n',
    );
    const { stdout } = await cli(
      ['scan', '.', '--format', 'json', '--cluster', '--kubeconfig', path.join(dir, 'dead')],
      repo,
    );
    const report = JSON.parse(stdout);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0].message).toMatch(
      /^cannot list admission policies, bindings and namespaces from http:\/\/127\.0\.0\.1:9: /,
    );
  });
});
