// A deterministic synthetic repository of Kubernetes workloads for the benchmark: every kind that
// runs containers, with the securityContext, image, volume and RBAC-adjacent variety real charts
// have, so that most rules both pass and fail somewhere. Same seed, same bytes.
import { stringify } from 'yaml';

/** mulberry32: a small, fast, seedable PRNG (the bench must generate the same set every run). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;

const KINDS: Array<[string, number]> = [
  ['Deployment', 40],
  ['StatefulSet', 15],
  ['DaemonSet', 10],
  ['Job', 10],
  ['CronJob', 10],
  ['Pod', 10],
  ['ReplicaSet', 5],
];
const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Pod: 'v1',
};
const REGISTRIES = ['', 'docker.io/', 'ghcr.io/acme/', 'quay.io/prometheus/', 'registry.k8s.io/'];
const IMAGES = ['nginx', 'redis', 'postgres', 'api', 'worker', 'busybox', 'envoy', 'grafana'];
const CAPABILITIES = ['NET_ADMIN', 'SYS_ADMIN', 'NET_BIND_SERVICE', 'CHOWN', 'SYS_TIME', 'NET_RAW'];

export interface SyntheticFile {
  /** Repository-relative path. */
  file: string;
  text: string;
  documents: number;
}

/** `count` workloads in files of `perFile` documents, under `manifests/team-NN/`. */
export function syntheticWorkloads(count: number, seed = 20240601, perFile = 100): SyntheticFile[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (p: number) => next() < p;
  const weighted = () => {
    let roll = next() * KINDS.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [kind, weight] of KINDS) if ((roll -= weight) < 0) return kind;
    return KINDS[0][0];
  };

  const image = () => {
    const name = `${pick(REGISTRIES)}${pick(IMAGES)}`;
    const roll = next();
    if (roll < 0.15) return name; // no tag
    if (roll < 0.3) return `${name}:latest`;
    if (roll < 0.45) return `${name}@sha256:${'0123456789abcdef'.repeat(4)}`;
    return `${name}:${1 + Math.floor(next() * 9)}.${Math.floor(next() * 30)}.${Math.floor(next() * 10)}`;
  };

  const securityContext = (): Json | undefined => {
    if (chance(0.15)) return undefined;
    const context: Json = {};
    if (chance(0.6)) context.runAsNonRoot = chance(0.85);
    if (chance(0.5)) context.runAsUser = pick([0, 1000, 10001, 65534]);
    if (chance(0.3)) context.runAsGroup = pick([0, 1000, 10001]);
    if (chance(0.7)) context.allowPrivilegeEscalation = chance(0.2);
    if (chance(0.6)) context.readOnlyRootFilesystem = chance(0.7);
    if (chance(0.05)) context.privileged = true;
    if (chance(0.7)) {
      const capabilities: Json = {};
      if (chance(0.8)) capabilities.drop = chance(0.9) ? ['ALL'] : ['NET_RAW'];
      if (chance(0.25)) capabilities.add = [pick(CAPABILITIES)];
      context.capabilities = capabilities;
    }
    if (chance(0.5))
      context.seccompProfile = { type: chance(0.9) ? 'RuntimeDefault' : 'Unconfined' };
    if (chance(0.03)) context.procMount = 'Unmasked';
    return context;
  };

  const container = (name: string): Json => {
    const entry: Json = { name, image: image() };
    if (chance(0.3)) entry.imagePullPolicy = pick(['Always', 'IfNotPresent', 'Never']);
    if (chance(0.4)) entry.args = ['--port=8080', `--log-level=${pick(['info', 'debug'])}`];
    if (chance(0.6)) {
      entry.ports = [{ name: 'http', containerPort: pick([80, 443, 8080, 9090]) }];
      if (chance(0.05)) (entry.ports as Json[])[0].hostPort = 8080;
    }
    if (chance(0.5)) {
      entry.env = [
        { name: 'LOG_FORMAT', value: 'json' },
        chance(0.3)
          ? { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }
          : { name: 'REGION', value: pick(['eu-west-1', 'us-east-1']) },
      ];
    }
    if (chance(0.6)) {
      entry.resources = {
        requests: { cpu: pick(['50m', '100m', '250m']), memory: pick(['64Mi', '128Mi']) },
        ...(chance(0.6) ? { limits: { cpu: '500m', memory: pick(['256Mi', '512Mi']) } } : {}),
      };
    }
    if (chance(0.4)) {
      entry.livenessProbe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 };
      entry.readinessProbe = { httpGet: { path: '/ready', port: 8080 } };
    }
    const context = securityContext();
    if (context) entry.securityContext = context;
    if (chance(0.4)) entry.volumeMounts = [{ name: 'data', mountPath: '/data' }];
    return entry;
  };

  const podSpec = (app: string): Json => {
    const spec: Json = {};
    if (chance(0.5)) spec.serviceAccountName = app;
    if (chance(0.3)) spec.automountServiceAccountToken = chance(0.5);
    if (chance(0.04)) spec.hostNetwork = true;
    if (chance(0.03)) spec.hostPID = true;
    if (chance(0.03)) spec.hostIPC = true;
    if (chance(0.5)) {
      const podContext: Json = { runAsNonRoot: chance(0.8) };
      if (chance(0.5)) podContext.fsGroup = pick([0, 2000]);
      if (chance(0.5)) podContext.seccompProfile = { type: 'RuntimeDefault' };
      if (chance(0.05)) podContext.sysctls = [{ name: 'kernel.shm_rmid_forced', value: '1' }];
      spec.securityContext = podContext;
    }
    if (chance(0.3)) spec.initContainers = [container('init')];
    const containers = [container(app)];
    if (chance(0.3)) containers.push(container('sidecar'));
    if (chance(0.1)) containers.push(container('metrics'));
    spec.containers = containers;
    const volumes: Json[] = [{ name: 'data', emptyDir: {} }];
    if (chance(0.4)) volumes.push({ name: 'config', configMap: { name: `${app}-config` } });
    if (chance(0.06))
      volumes.push({
        name: 'host',
        hostPath: { path: pick(['/var/log', '/var/run/docker.sock', '/']) },
      });
    spec.volumes = volumes;
    if (chance(0.2)) spec.nodeSelector = { 'kubernetes.io/os': 'linux' };
    if (chance(0.2))
      spec.tolerations = [{ key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }];
    return spec;
  };

  const workload = (index: number): Json => {
    const kind = weighted();
    const app = `${pick(IMAGES)}-${index}`;
    const namespace = chance(0.02)
      ? 'kube-system'
      : chance(0.05)
        ? undefined
        : `team-${index % 20}`;
    const metadata: Json = { name: app, ...(namespace ? { namespace } : {}) };
    metadata.labels = { 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': 'bench' };
    if (chance(0.3)) metadata.annotations = { 'example.com/owner': `team-${index % 20}` };
    const template = { metadata: { labels: { app } }, spec: podSpec(app) };
    const selector = { matchLabels: { app } };
    const object: Json = { apiVersion: API_VERSIONS[kind], kind, metadata };
    switch (kind) {
      case 'Pod':
        object.spec = template.spec;
        break;
      case 'Job':
        object.spec = {
          backoffLimit: 2,
          template: { ...template, spec: { ...template.spec, restartPolicy: 'Never' } },
        };
        break;
      case 'CronJob':
        object.spec = {
          schedule: '*/15 * * * *',
          jobTemplate: {
            spec: {
              template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } },
            },
          },
        };
        break;
      case 'StatefulSet':
        object.spec = { serviceName: app, replicas: 3, selector, template };
        break;
      case 'DaemonSet':
        object.spec = { selector, template };
        break;
      default:
        object.spec = { replicas: 1 + Math.floor(next() * 4), selector, template };
    }
    return object;
  };

  const files: SyntheticFile[] = [];
  for (let start = 0; start < count; start += perFile) {
    const documents: string[] = [];
    const end = Math.min(count, start + perFile);
    for (let index = start; index < end; index++) documents.push(stringify(workload(index)));
    const team = String(files.length).padStart(3, '0');
    files.push({
      file: `manifests/team-${team}/workloads.yaml`,
      text: documents.join('---\n'),
      documents: end - start,
    });
  }
  return files;
}
