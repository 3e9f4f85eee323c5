import type { K8sRule } from '../../types.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  trivyAliases,
} from '../helpers.js';

export const useReadonlyFilesystem: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV014',
    name: 'use-readonly-filesystem',
    aliases: trivyAliases('KSV014', 'kubernetes-use-readonly-filesystem'),
    severity: 'high',
    title: 'Root file system is not read-only',
    description: 'Every container must set `securityContext.readOnlyRootFilesystem: true`.',
    rationale:
      'An immutable root file system stops an intruder from tampering with binaries or dropping tools into the container; writable paths can still be mounted as emptyDir volumes.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir: {}\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv014'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const value = containerSecurityContext(entry)?.readOnlyRootFilesystem;
      if (value === true) return undefined;
      return {
        message: `${describe(resource, entry)} should set 'securityContext.readOnlyRootFilesystem' to true`,
        path:
          value === undefined || value === null
            ? entry.path
            : [...entry.path, 'securityContext', 'readOnlyRootFilesystem'],
      };
    }),
};
