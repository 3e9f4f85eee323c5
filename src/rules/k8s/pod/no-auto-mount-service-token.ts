import { defineK8sRule } from '../../define.js';
import { describe, listAt } from '../helpers.js';

const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

export const noAutoMountServiceToken = defineK8sRule({
  meta: {
    id: 'KSV036',
    name: 'no-auto-mount-service-token',
    trivyId: 'kubernetes-no-auto-mount-service-token',
    severity: 'medium',
    title: 'Protecting Pod service account tokens',
    description:
      'The pod must not set `automountServiceAccountToken: true`, and, when it leaves the field unset, no container may mount a volume at `/var/run/secrets/kubernetes.io/serviceaccount`. Coverage of the hardening advice "disable automountServiceAccountToken for workloads that do not need the API": only partly. Like Trivy, this rule does not flag a pod that leaves the field unset (the Kubernetes default, which mounts the token) unless it mounts the token path explicitly — flagging every such pod would fire on nearly every workload; set the field to `false` on the pod or its ServiceAccount where the API is not needed. One deliberate difference from Trivy: the field is read from the pod template for every workload kind, where Trivy reads `spec` of the top-level object and so never sees it on a Deployment.',
    rationale:
      'A mounted service account token is a credential for the Kubernetes API; if the workload does not need the API, an intruder should not find one in the container.',
    fix: '```yaml\nspec:\n  automountServiceAccountToken: false\n```',
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
    ],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const message = `Container of ${describe(resource)} should set 'spec.automountServiceAccountToken' to false`;
    const automount = pod.spec.automountServiceAccountToken;
    if (automount === true)
      return [{ message, path: [...pod.specPath, 'automountServiceAccountToken'] }];
    if (automount !== undefined && automount !== null) return [];
    for (const entry of pod.containers) {
      const index = listAt(entry.container, 'volumeMounts').findIndex(
        (mount) =>
          typeof mount === 'object' &&
          mount !== null &&
          (mount as { mountPath?: unknown }).mountPath === TOKEN_PATH,
      );
      if (index >= 0) {
        return [
          {
            message,
            path: [...entry.path, 'volumeMounts', index, 'mountPath'],
            container: entry.name,
          },
        ];
      }
    }
    return [];
  },
});
