import { defineK8sRule } from '../../define.js';
import { lowIdViolations } from './high-id.js';

export const useHighUid = defineK8sRule({
  meta: {
    id: 'KSV020',
    name: 'use-high-uid',
    trivyId: 'kubernetes-use-high-uid',
    severity: 'low',
    title: 'Runs with UID <= 10000',
    description:
      'Every container must run with `securityContext.runAsUser` > 10000, set on the container or inherited from the pod.',
    rationale:
      "A user ID above 10000 avoids colliding with a real account in the host's user table, so a container escape does not land as an existing host user.",
    fix: '```yaml\nspec:\n  securityContext:\n    runAsUser: 10001\n```',
  },
  check: (resource) => lowIdViolations(resource, 'runAsUser'),
});
