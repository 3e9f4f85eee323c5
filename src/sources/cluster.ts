// The live cluster, read only: the ValidatingAdmissionPolicies, their bindings, the params they name and the
// Namespaces, through @kubernetes/client-node list calls (nothing is ever created, patched or applied). The
// kubeconfig comes from the workflow or the user, never from the scanned repository.
import path from 'node:path';
import { toResource, type K8sResource, type KubeObject } from './resource.js';
import type { ScanError } from '../model.js';

export interface ClusterOptions {
  /** A kubeconfig file; absent: $KUBECONFIG, else ~/.kube/config (the client's default). */
  kubeconfig?: string;
}

const ADMISSION = 'admissionregistration.k8s.io/v1';

function asResource(item: unknown, apiVersion: string, kind: string): K8sResource {
  // Plain JSON (the client returns model objects with Date timestamps).
  const object = JSON.parse(JSON.stringify(item)) as KubeObject;
  object.apiVersion ??= apiVersion;
  object.kind ??= kind;
  const name = String((object.metadata as { name?: unknown } | undefined)?.name ?? '');
  const file = `(cluster)/${kind}/${name}`;
  return toResource(object, { file, source: 'manifest', locate: () => ({ line: 1 }) });
}

/** The admission configuration the cluster enforces today, as resources beside the repository's. */
export async function readCluster(
  options: ClusterOptions,
): Promise<{ resources: K8sResource[]; errors: ScanError[] }> {
  const k8s = await import('./kube-client.js');
  const config = new k8s.KubeConfig();
  try {
    if (options.kubeconfig) config.loadFromFile(options.kubeconfig);
    else config.loadFromDefault();
  } catch (error) {
    return {
      resources: [],
      errors: [
        {
          file: options.kubeconfig ?? 'kubeconfig',
          message: `cannot read the kubeconfig: ${(error as Error).message}`,
        },
      ],
    };
  }
  const server = config.getCurrentCluster()?.server ?? '(no cluster)';
  const fail = (what: string, error: unknown): ScanError => ({
    file: '(cluster)',
    message: `cannot list ${what} from ${server}: ${(error as Error).message.split('\n')[0]}; the cluster's admission configuration is not applied`,
  });
  const admission = config.makeApiClient(k8s.AdmissionregistrationV1Api);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const objects = k8s.KubernetesObjectApi.makeApiClient(config);
  const resources: K8sResource[] = [];
  const errors: ScanError[] = [];
  try {
    const policies = await admission.listValidatingAdmissionPolicy();
    resources.push(
      ...policies.items.map((p) => asResource(p, ADMISSION, 'ValidatingAdmissionPolicy')),
    );
    const bindings = await admission.listValidatingAdmissionPolicyBinding();
    resources.push(
      ...bindings.items.map((b) => asResource(b, ADMISSION, 'ValidatingAdmissionPolicyBinding')),
    );
    const namespaces = await core.listNamespace();
    resources.push(...namespaces.items.map((n) => asResource(n, 'v1', 'Namespace')));
  } catch (error) {
    return { resources: [], errors: [fail('admission policies, bindings and namespaces', error)] };
  }
  // Each paramKind the cluster's policies name, listed across namespaces.
  const paramKinds = new Map<string, { apiVersion: string; kind: string }>();
  for (const r of resources) {
    const paramKind = (
      r.object.spec as { paramKind?: { apiVersion?: unknown; kind?: unknown } } | undefined
    )?.paramKind;
    if (
      r.ref.kind === 'ValidatingAdmissionPolicy' &&
      typeof paramKind?.apiVersion === 'string' &&
      typeof paramKind.kind === 'string'
    )
      paramKinds.set(`${paramKind.apiVersion}/${paramKind.kind}`, {
        apiVersion: paramKind.apiVersion,
        kind: paramKind.kind,
      });
  }
  for (const { apiVersion, kind } of paramKinds.values()) {
    try {
      const list = await objects.list(apiVersion, kind);
      resources.push(...list.items.map((item) => asResource(item, apiVersion, kind)));
    } catch (error) {
      errors.push(fail(`${kind} params`, error));
    }
  }
  return { resources, errors };
}

/** The repository's objects win: a pull request that changes a policy is checked against its new version. */
export function mergeClusterResources(
  repository: readonly K8sResource[],
  cluster: readonly K8sResource[],
): K8sResource[] {
  if (cluster.length === 0) return []; // no key for each of the repository's resources
  const key = (r: K8sResource) =>
    `${r.ref.apiVersion.split('/')[0]}|${r.ref.kind}|${r.ref.namespace ?? ''}|${r.ref.name}`;
  const own = new Set(repository.map(key));
  return cluster.filter((r) => !own.has(key(r)));
}

/**
 * The Action's `kubeconfig` input must name a file the workflow wrote, not one in the checked-out
 * repository: a pull request must not choose the cluster (or the credentials) the gate talks to.
 */
export function workflowKubeconfig(file: string, root: string): string {
  const resolved = path.resolve(root, file);
  const relative = path.relative(path.resolve(root), resolved);
  if (!relative.startsWith('..') && !path.isAbsolute(relative))
    throw new Error(
      `the kubeconfig input names ${file}, inside the repository; write the kubeconfig outside the workspace (e.g. to $RUNNER_TEMP) so that a pull request cannot replace it`,
    );
  return resolved;
}
