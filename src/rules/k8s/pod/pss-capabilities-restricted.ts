import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, isWindowsPod, listAt, objectAt } from '../helpers.js';
import { pssAtLeast } from './pss-version.js';

/** From this policy version on, Windows pods (`spec.os.name: windows`) are exempt: the API server
 *  rejects the field on them. */
const WINDOWS_EXEMPT_SINCE = '1.25';

export const pssCapabilitiesRestricted = defineK8sRule({
  meta: {
    id: 'KPG114',
    name: 'pss-capabilities-restricted',
    severity: 'medium',
    title: 'Capabilities not dropped',
    description:
      'Pod Security Standards restricted, Capabilities: every init, regular and ephemeral container must list `ALL` (exactly, upper case) in `securityContext.capabilities.drop` and may add only `NET_BIND_SERVICE`. Windows pods (`spec.os.name: windows`) are exempt (policy version 1.25+). Before policy version 1.22 the restricted level had no capabilities control of its own (only the baseline one, KPG101).',
    rationale:
      'Dropping every capability and adding back only NET_BIND_SERVICE leaves a compromised process with no kernel privileges beyond an ordinary user.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n```',
    pss: {
      level: 'restricted',
      control: 'Capabilities',
      check: 'capabilities_restricted',
      since: '1.22',
      changes: [{ version: WINDOWS_EXEMPT_SINCE, change: 'Windows pods are exempt' }],
      overrides: ['capabilities_baseline'],
    },
    references: ['KSV106', 'KSV003'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod || (pssAtLeast(context, WINDOWS_EXEMPT_SINCE) && isWindowsPod(pod))) return [];
    const violations: K8sViolation[] = [];
    for (const entry of pod.containers) {
      const capabilities = objectAt(containerSecurityContext(entry), 'capabilities');
      if (!listAt(capabilities, 'drop').includes('ALL')) {
        violations.push({
          message: `${describe(resource, entry)} must set 'securityContext.capabilities.drop' to ["ALL"]`,
          path: capabilities?.drop
            ? [...entry.path, 'securityContext', 'capabilities', 'drop']
            : entry.path,
          container: entry.name,
        });
      }
      const added = listAt(capabilities, 'add');
      const index = added.findIndex((cap) => cap !== 'NET_BIND_SERVICE');
      if (index >= 0) {
        violations.push({
          message: `${describe(resource, entry)} must not add capability '${String(added[index])}'`,
          path: [...entry.path, 'securityContext', 'capabilities', 'add', index],
          container: entry.name,
        });
      }
    }
    return violations;
  },
});
