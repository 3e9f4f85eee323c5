// The defaults the API server applies before admission that policy expressions commonly read, so that
// `object.spec.replicas` is 1 when the manifest leaves it out, as in the cluster. Applied to a copy.
//   Deployment, StatefulSet, ReplicaSet, ReplicationController: spec.replicas 1
//   Deployment: spec.revisionHistoryLimit 10, spec.progressDeadlineSeconds 600, spec.strategy.type RollingUpdate
//   StatefulSet: spec.podManagementPolicy OrderedReady, spec.updateStrategy.type RollingUpdate
//   Job: spec.backoffLimit 6, spec.completions 1, spec.parallelism 1
//   CronJob: spec.concurrencyPolicy Allow, spec.suspend false, spec.successfulJobsHistoryLimit 3, spec.failedJobsHistoryLimit 1
//   Service: spec.type ClusterIP, spec.sessionAffinity None, ports[].protocol TCP, ports[].targetPort = port
//   Pod specs (Pods and templates): restartPolicy Always (not Job templates), dnsPolicy ClusterFirst,
//     schedulerName default-scheduler, terminationGracePeriodSeconds 30, securityContext {}
//   Containers: ports[].protocol TCP, imagePullPolicy (Always for :latest or no tag, else IfNotPresent),
//     terminationMessagePath /dev/termination-log, terminationMessagePolicy File
//   metadata.namespace: the namespace the object is created in, for namespaced kinds
import { podTemplateOf, type KubeObject } from '../../sources/resource.js';

const isObject = (v: unknown): v is KubeObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
function setDefault(target: KubeObject, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

function defaultContainers(list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const c of list) {
    if (!isObject(c)) continue;
    if (Array.isArray(c.ports))
      for (const p of c.ports) if (isObject(p)) setDefault(p, 'protocol', 'TCP');
    if (typeof c.image === 'string') {
      const last = c.image.split('/').pop() ?? '';
      const tagged = last.includes(':') && !last.endsWith(':latest') && !c.image.includes('@');
      setDefault(c, 'imagePullPolicy', tagged || c.image.includes('@') ? 'IfNotPresent' : 'Always');
    }
    setDefault(c, 'terminationMessagePath', '/dev/termination-log');
    setDefault(c, 'terminationMessagePolicy', 'File');
  }
}

/**
 * The object with the defaults: a copy, or `source` itself changed in place when `inPlace` (a CEL value
 * made for this evaluation, whose integers are bigints).
 */
export function withApiServerDefaults(
  source: KubeObject,
  namespace: string | undefined,
  inPlace = false,
): KubeObject {
  const object = inPlace ? source : structuredClone(source);
  const int = (n: number) => (inPlace ? BigInt(n) : n);
  const kind = object.kind;
  if (namespace !== undefined && isObject(object.metadata))
    setDefault(object.metadata, 'namespace', namespace);
  const spec = isObject(object.spec) ? object.spec : undefined;
  if (spec) {
    if (
      kind === 'Deployment' ||
      kind === 'StatefulSet' ||
      kind === 'ReplicaSet' ||
      kind === 'ReplicationController'
    )
      setDefault(spec, 'replicas', int(1));
    if (kind === 'Deployment') {
      setDefault(spec, 'revisionHistoryLimit', int(10));
      setDefault(spec, 'progressDeadlineSeconds', int(600));
      setDefault(spec, 'strategy', { type: 'RollingUpdate' });
    }
    if (kind === 'StatefulSet') {
      setDefault(spec, 'podManagementPolicy', 'OrderedReady');
      setDefault(spec, 'updateStrategy', { type: 'RollingUpdate' });
    }
    if (kind === 'Job') {
      setDefault(spec, 'backoffLimit', int(6));
      setDefault(spec, 'completions', int(1));
      setDefault(spec, 'parallelism', int(1));
    }
    if (kind === 'CronJob') {
      setDefault(spec, 'concurrencyPolicy', 'Allow');
      setDefault(spec, 'suspend', false);
      setDefault(spec, 'successfulJobsHistoryLimit', int(3));
      setDefault(spec, 'failedJobsHistoryLimit', int(1));
    }
    if (kind === 'Service') {
      setDefault(spec, 'type', 'ClusterIP');
      setDefault(spec, 'sessionAffinity', 'None');
      if (Array.isArray(spec.ports))
        for (const p of spec.ports)
          if (isObject(p)) {
            setDefault(p, 'protocol', 'TCP');
            setDefault(p, 'targetPort', p.port);
          }
    }
  }
  const pod = podTemplateOf(object);
  if (pod) {
    const podSpec = pod.spec;
    if (kind !== 'Job' && kind !== 'CronJob') setDefault(podSpec, 'restartPolicy', 'Always');
    setDefault(podSpec, 'dnsPolicy', 'ClusterFirst');
    setDefault(podSpec, 'schedulerName', 'default-scheduler');
    setDefault(podSpec, 'terminationGracePeriodSeconds', int(30));
    setDefault(podSpec, 'securityContext', inPlace ? Object.create(null) : {});
    for (const key of ['containers', 'initContainers', 'ephemeralContainers'])
      defaultContainers(podSpec[key]);
  }
  return object;
}
