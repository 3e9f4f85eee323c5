// Kustomize: plain `kubectl kustomize` of every root (the floor) vs a full scan() of the same
// overlays, with the same concurrency. The layout is written once: a base of services, a
// component, and overlays each with a strategic-merge patch, a JSON 6902 patch and an
// `images:` override (the shapes test/fixtures/kustomize covers), so the scan also places
// findings on patch and base lines.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { Policy } from '../src/config/policy.js';
import { scan } from '../src/scan.js';
import { toolEnvironment } from '../src/sources/tools.js';
import { benchGit } from './repo.js';

const SERVICES = 12;
const OVERLAYS = 8;

/** Writes the layout under `dir`; returns its roots (repository-relative). */
export async function writeKustomizeLayout(dir: string): Promise<string[]> {
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  };
  const services = Array.from({ length: SERVICES }, (_, i) => `service-${i}`);
  for (const name of services) {
    await write(
      `base/${name}.yaml`,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        `metadata:\n  name: ${name}\n  labels:\n    app: ${name}`,
        `spec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: ${name}`,
        `  template:\n    metadata:\n      labels:\n        app: ${name}`,
        '    spec:\n      containers:\n        - name: server',
        `          image: registry.example.com/${name}:1.0.0`,
        '          ports:\n            - containerPort: 8080',
        '          resources:\n            requests:\n              cpu: 100m\n              memory: 64Mi',
        '---',
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}`,
        `spec:\n  selector:\n    app: ${name}\n  ports:\n    - port: 80\n      targetPort: 8080`,
        '',
      ].join('\n'),
    );
  }
  await write(
    'base/kustomization.yaml',
    `resources:\n${services.map((name) => `  - ${name}.yaml`).join('\n')}\n`,
  );
  await write(
    'components/debug/kustomization.yaml',
    'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches:\n' +
      '  - target:\n      kind: Deployment\n      name: service-0\n    patch: |-\n' +
      '      - op: add\n        path: /spec/template/spec/hostPID\n        value: true\n',
  );
  const roots: string[] = [];
  for (let o = 0; o < OVERLAYS; o++) {
    const overlay = `overlays/env-${o}`;
    roots.push(overlay);
    await write(
      `${overlay}/kustomization.yaml`,
      [
        `namespace: env-${o}`,
        `namePrefix: e${o}-`,
        'resources:\n  - ../../base',
        ...(o % 2 === 0 ? ['components:\n  - ../../components/debug'] : []),
        'patches:\n  - path: privileged.yaml',
        '  - path: host-network.yaml\n    target:\n      kind: Deployment\n      name: service-1',
        `images:\n  - name: registry.example.com/service-2\n    newTag: "${o}.0.0"`,
        '',
      ].join('\n'),
    );
    await write(
      `${overlay}/privileged.yaml`,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: service-3\nspec:\n  template:\n' +
        '    spec:\n      containers:\n        - name: server\n          securityContext:\n' +
        '            privileged: true\n',
    );
    await write(
      `${overlay}/host-network.yaml`,
      '- op: add\n  path: /spec/template/spec/hostNetwork\n  value: true\n',
    );
  }
  return roots;
}

/** Every root through kubectl kustomize with the concurrency scan() uses; `env` is added to
 *  kubectl's environment (the scan's Go GC setting, for the same-GC detail). */
export async function plainKustomize(
  kubectl: string,
  root: string,
  roots: readonly string[],
  env: Record<string, string> = {},
) {
  const limit = pLimit(availableParallelism());
  await Promise.all(
    roots.map((dir) =>
      limit(
        () =>
          new Promise<void>((resolve, reject) =>
            execFile(
              kubectl,
              ['kustomize', path.join(root, dir)],
              { maxBuffer: 512 * 1024 * 1024, env: { ...process.env, ...env } },
              (error) => (error ? reject(error) : resolve()),
            ),
          ),
      ),
    ),
  );
}

/** The layout under `dir` committed as a pull request's base (branch `base`), then one
 *  overlay's strategic-merge patch changed in head. */
export async function commitKustomizePullRequest(dir: string): Promise<void> {
  const git = benchGit(dir);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('branch', 'base');
  const patch = path.join(dir, 'overlays/env-0/privileged.yaml');
  await writeFile(patch, (await readFile(patch, 'utf8')).replace('true', 'false'));
  git('commit', '-qam', 'head: one overlay patch changed');
}

/** A full scan of the layout (kubectl found on the tool search path, as the CLI hands it over;
 *  git too, for a `base` scan). */
export async function kustomizeScan(root: string, policy: Policy, kubectl: string, base?: string) {
  const tools = toolEnvironment({
    PATH: `${path.dirname(kubectl)}${path.delimiter}${process.env.PATH}`,
  });
  const result = await scan({ root, paths: [], policy, tools, base });
  if (result.findings.some((finding) => finding.ruleId === 'KPG003')) {
    throw new Error('a bench overlay failed to render');
  }
  return result;
}
