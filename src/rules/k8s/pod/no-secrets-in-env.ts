import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, objectAt } from '../helpers.js';

export const noSecretsInEnv = defineK8sRule({
  meta: {
    id: 'KPG120',
    name: 'no-secrets-in-env',
    severity: 'low',
    title: 'Secret exposed as environment variable',
    description:
      'No container may read a Secret into its environment, through `env[].valueFrom.secretKeyRef` or `envFrom[].secretRef`; mount the Secret as a volume instead.',
    rationale:
      'Environment variables are inherited by every child process, readable in /proc/<pid>/environ, and routinely end up in crash reports, debug endpoints and logs; they cannot be rotated without a restart. A Secret mounted as a file is readable only where the application opens it, can be given tight file permissions, and is updated in place. Severity low, not medium: it is defence in depth — the Secret is in the container either way, and exploiting the difference takes a second bug (a leaking log or dump) — and many twelve-factor images accept configuration only through the environment, so a higher default would mostly produce noise in gates that fail on medium.',
    fix: '```yaml\ncontainers:\n  - name: app\n    volumeMounts:\n      - name: db-credentials\n        mountPath: /var/run/secrets/db\n        readOnly: true\nvolumes:\n  - name: db-credentials\n    secret:\n      secretName: db-credentials\n      defaultMode: 0400\n```',
    references: [
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod',
    ],
  },
  check: (resource) => {
    const violations: K8sViolation[] = [];
    for (const entry of resource.pod?.containers ?? []) {
      listAt(entry.container, 'env').forEach((variable, index) => {
        const ref = objectAt(objectAt(variable, 'valueFrom'), 'secretKeyRef');
        if (!ref) return;
        violations.push({
          message: `${describe(resource, entry)} should mount Secret '${String(ref.name ?? '')}' as a volume instead of reading it into environment variable '${String((variable as { name?: unknown }).name ?? '')}'`,
          path: [...entry.path, 'env', index, 'valueFrom', 'secretKeyRef'],
          container: entry.name,
        });
      });
      listAt(entry.container, 'envFrom').forEach((source, index) => {
        const ref = objectAt(source, 'secretRef');
        if (!ref) return;
        violations.push({
          message: `${describe(resource, entry)} should mount Secret '${String(ref.name ?? '')}' as a volume instead of 'envFrom'`,
          path: [...entry.path, 'envFrom', index, 'secretRef'],
          container: entry.name,
        });
      });
    }
    return violations;
  },
});
