import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, listAt, objectAt } from '../helpers.js';

export const dropCapsAddBindSvc = defineK8sRule({
  meta: {
    id: 'KSV106',
    name: 'drop-caps-add-bind-svc',
    trivyId: 'kubernetes-drop-caps-add-bind-svc',
    severity: 'low',
    title: 'Container capabilities must only include NET_BIND_SERVICE',
    description:
      "Every container must drop `ALL` capabilities (any case) and may add back only `NET_BIND_SERVICE`. Trivy's reading: `all` in lower case counts and Windows pods are not exempt; the PSS control (KPG114) requires `ALL` exactly and exempts Windows pods.",
    rationale:
      'Dropping every capability and adding back only the one a web server may need (binding ports below 1024) is the least-privilege capability set.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]   # only if needed\n```',
    references: ['KPG114'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    for (const entry of pod.containers) {
      const capabilities = objectAt(containerSecurityContext(entry), 'capabilities');
      const capabilitiesPath = [...entry.path, 'securityContext', 'capabilities'];
      const dropsAll = listAt(capabilities, 'drop').some(
        (cap) => typeof cap === 'string' && cap.toUpperCase() === 'ALL',
      );
      if (!dropsAll) {
        violations.push({
          message: `${describe(resource, entry)} should drop all capabilities`,
          path: capabilities?.drop ? [...capabilitiesPath, 'drop'] : entry.path,
          container: entry.name,
        });
        continue;
      }
      listAt(capabilities, 'add').forEach((cap, index) => {
        if (cap === 'NET_BIND_SERVICE') return;
        violations.push({
          message: `${describe(resource, entry)} should not add capability '${String(cap)}'`,
          path: [...capabilitiesPath, 'add', index],
          container: entry.name,
        });
      });
    }
    return violations;
  },
});
