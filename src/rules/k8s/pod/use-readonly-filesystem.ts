import { defineK8sRule } from '../../define.js';
import { containerSecurityContext, containerViolations, describe } from '../helpers.js';

export const useReadonlyFilesystem = defineK8sRule({
  meta: {
    id: 'KSV014',
    name: 'use-readonly-filesystem',
    trivyId: 'kubernetes-use-readonly-filesystem',
    severity: 'high',
    title: 'Root file system is not read-only',
    description: 'Every container must set `securityContext.readOnlyRootFilesystem: true`.',
    rationale:
      'An immutable root file system stops an intruder from tampering with binaries or dropping tools into the container; writable paths can still be mounted as emptyDir volumes.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      readOnlyRootFilesystem: true\n    volumeMounts:\n      - name: tmp\n        mountPath: /tmp\nvolumes:\n  - name: tmp\n    emptyDir: {}\n```',
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
});
