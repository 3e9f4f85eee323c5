import { defineK8sRule } from '../../define.js';
import type { KubeObject } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

import { pssAtLeast } from './pss-version.js';

/** The policy version from which `container_engine_t` (a container that runs containers) is allowed. */
const ENGINE_TYPE_SINCE = '1.31';
const ALLOWED_TYPES_1_0: ReadonlySet<unknown> = new Set([
  '',
  'container_t',
  'container_init_t',
  'container_kvm_t',
]);
const ALLOWED_TYPES_1_31: ReadonlySet<unknown> = new Set([
  ...ALLOWED_TYPES_1_0,
  'container_engine_t',
]);

const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** The first seLinuxOptions field set to what the control forbids: `type`, `user` or `role`. */
function disallowedField(
  options: KubeObject | undefined,
  allowedTypes: ReadonlySet<unknown>,
): 'type' | 'user' | 'role' | undefined {
  if (!options) return undefined;
  if (!allowedTypes.has(options.type ?? '')) return 'type';
  if (isSet(options.user)) return 'user';
  if (isSet(options.role)) return 'role';
  return undefined;
}

const message = (who: string, options: KubeObject, field: string) =>
  `${who} must not set 'securityContext.seLinuxOptions.${field}' to '${String(options[field])}'`;

export const pssSelinux = defineK8sRule({
  meta: {
    id: 'KPG104',
    name: 'pss-selinux',
    severity: 'high',
    title: 'Custom SELinux options set',
    description:
      'Pod Security Standards baseline, SELinux: `seLinuxOptions.type` of the pod and of every container may only be empty, `container_t`, `container_init_t`, `container_kvm_t` or `container_engine_t` (the last from policy version 1.31), and `seLinuxOptions.user` and `.role` must be empty.',
    rationale:
      'A custom SELinux user, role or type can place the container in a less confined domain than the runtime default.',
    fix: 'Remove `seLinuxOptions.user` and `.role`; leave `type` unset or use a container type.',
    pss: {
      level: 'baseline',
      control: 'SELinux',
      check: 'seLinuxOptions',
      since: '1.0',
      changes: [{ version: ENGINE_TYPE_SINCE, change: 'allows type `container_engine_t`' }],
    },
    references: ['KSV025'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod) return [];
    const allowedTypes = pssAtLeast(context, ENGINE_TYPE_SINCE)
      ? ALLOWED_TYPES_1_31
      : ALLOWED_TYPES_1_0;
    const violations: K8sViolation[] = [];
    const podOptions = objectAt(podSecurityContext(pod), 'seLinuxOptions');
    const podField = disallowedField(podOptions, allowedTypes);
    if (podOptions && podField) {
      violations.push({
        message: message(describe(resource), podOptions, podField),
        path: [...pod.specPath, 'securityContext', 'seLinuxOptions', podField],
      });
    }
    for (const entry of pod.containers) {
      const options = objectAt(containerSecurityContext(entry), 'seLinuxOptions');
      const field = disallowedField(options, allowedTypes);
      if (!options || !field) continue;
      violations.push({
        message: message(describe(resource, entry), options, field),
        path: [...entry.path, 'securityContext', 'seLinuxOptions', field],
        ...(entry.name ? { container: entry.name } : {}),
      });
    }
    return violations;
  },
});
