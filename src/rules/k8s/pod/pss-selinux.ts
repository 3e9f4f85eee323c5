import type { KubeObject, Path } from '../../../sources/resource.js';
import type { K8sRule, K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

const ALLOWED_TYPES: ReadonlySet<unknown> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
  'container_engine_t',
]);

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

export const pssSelinux: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KPG104',
    name: 'pss-selinux',
    aliases: [],
    severity: 'high',
    title: 'Custom SELinux options set',
    description:
      'Pod Security Standards baseline, SELinux: `seLinuxOptions.type` of the pod and of every container may only be empty, `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t`, and `seLinuxOptions.user` and `.role` must be empty.',
    rationale:
      'A custom SELinux user, role or type can place the container in a less confined domain than the runtime default.',
    fix: 'Remove `seLinuxOptions.user` and `.role`; leave `type` unset or use a container type.',
    pss: { level: 'baseline', control: 'SELinux' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'KSV025',
    ],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const inspect = (
      options: KubeObject | undefined,
      path: Path,
      who: string,
      container?: string,
    ) => {
      if (!options) return;
      const type = options.type ?? '';
      const bad = !ALLOWED_TYPES.has(type)
        ? 'type'
        : isSet(options.user)
          ? 'user'
          : isSet(options.role)
            ? 'role'
            : undefined;
      if (!bad) return;
      violations.push({
        message: `${who} must not set 'securityContext.seLinuxOptions.${bad}' to '${String(options[bad])}'`,
        path: [...path, bad],
        ...(container ? { container } : {}),
      });
    };
    inspect(
      objectAt(podSecurityContext(pod), 'seLinuxOptions'),
      [...pod.specPath, 'securityContext', 'seLinuxOptions'],
      describe(resource),
    );
    for (const entry of pod.containers) {
      inspect(
        objectAt(containerSecurityContext(entry), 'seLinuxOptions'),
        [...entry.path, 'securityContext', 'seLinuxOptions'],
        describe(resource, entry),
        entry.name,
      );
    }
    return violations;
  },
};
