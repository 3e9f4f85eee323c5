import { defineK8sRule } from '../../define.js';
import { lowIdViolations } from './high-id.js';

export const useHighGid = defineK8sRule({
  meta: {
    id: 'KSV021',
    name: 'use-high-gid',
    trivyId: 'kubernetes-use-high-gid',
    severity: 'low',
    title: 'Runs with GID <= 10000',
    description:
      'Every container must run with `securityContext.runAsGroup` > 10000, set on the container or inherited from the pod.',
    rationale:
      "A group ID above 10000 avoids colliding with a real account in the host's user table, so a container escape does not land as an existing host group.",
    fix: '```yaml\nspec:\n  securityContext:\n    runAsGroup: 10001\n```',
  },
  check: (resource) => lowIdViolations(resource, 'runAsGroup'),
});
