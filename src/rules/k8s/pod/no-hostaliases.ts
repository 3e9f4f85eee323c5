import { defineK8sRule } from '../../define.js';
import { describe } from '../helpers.js';

export const noHostaliases = defineK8sRule({
  meta: {
    id: 'KSV007',
    name: 'no-hostaliases',
    trivyId: 'kubernetes-no-hostaliases',
    severity: 'low',
    title: 'Manages /etc/hosts',
    description: 'The pod must not set `spec.hostAliases`.',
    rationale:
      "Managing /etc/hosts aliases can prevent the container engine from modifying the file after a pod's containers have already been started, and hides name resolution from DNS-based controls.",
    fix: 'Remove `spec.hostAliases`; publish the names in DNS (a Service, or an ExternalName Service) instead.',
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod || pod.spec.hostAliases === undefined || pod.spec.hostAliases === null) return [];
    return [
      {
        message: `${describe(resource)} should not set 'spec.template.spec.hostAliases'`,
        path: [...pod.specPath, 'hostAliases'],
      },
    ];
  },
});
