import { defineK8sRule } from '../../define.js';
import type { KubeObject, Path } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

const ALLOWED_TYPES: ReadonlySet<unknown> = new Set([
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);

export const noCustomSelinuxOptions = defineK8sRule({
  meta: {
    id: 'KSV025',
    name: 'no-custom-selinux-options',
    trivyId: 'kubernetes-no-custom-selinux-options',
    severity: 'medium',
    title: 'SELinux custom options set',
    description:
      "`seLinuxOptions` of the pod and of every container may set `type` only to `container_t`, `container_init_t` or `container_kvm_t`, and must not set `user` or `role`. Trivy's reading: an empty `type` and `container_engine_t` are flagged, and an empty `user`/`role` counts as set; the PSS SELinux control (KPG104) allows those.",
    rationale:
      'Custom SELinux users, roles or types can give a container a less confined domain than the runtime default, undoing the isolation SELinux provides.',
    fix: 'Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and use one of the container types (or leave `type` unset).',
    references: ['KPG104'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const inspect = (options: KubeObject | undefined, path: Path) => {
      if (!options) return;
      const type = options.type;
      if (type !== undefined && type !== null && !ALLOWED_TYPES.has(type)) {
        violations.push({
          message: `${describe(resource)} uses invalid seLinux type '${String(type)}'`,
          path: [...path, 'type'],
        });
      }
      const restricted = ['role', 'user'].filter(
        (key) => options[key] !== undefined && options[key] !== null,
      );
      if (restricted.length) {
        violations.push({
          message: `${describe(resource)} uses restricted properties in seLinuxOptions: (${restricted.map((key) => `'${key}'`).join(', ')})`,
          path: [...path, restricted[0]],
        });
      }
    };
    inspect(objectAt(podSecurityContext(pod), 'seLinuxOptions'), [
      ...pod.specPath,
      'securityContext',
      'seLinuxOptions',
    ]);
    // Trivy merges the pod's options into each container's; the pod's own were inspected above,
    // so a container's own options decide the rest.
    for (const entry of pod.containers) {
      const before = violations.length;
      inspect(objectAt(containerSecurityContext(entry), 'seLinuxOptions'), [
        ...entry.path,
        'securityContext',
        'seLinuxOptions',
      ]);
      for (let i = before; i < violations.length; i++) violations[i].container = entry.name;
    }
    return violations;
  },
});
