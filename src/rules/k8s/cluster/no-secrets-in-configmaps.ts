import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { configMapData, configMapLabel } from './configmap-data.js';

// Trivy's word list, for keys ("password") and for assignments inside values ("PASSWORD=x").
const WORDS =
  'password|pass|pword|passphrase|passwrd|passwd|secret|secretkey|appSecret|clientSecret|aws_access_key_id|pswrd|token|pwd';
const SECRET_KEY = new RegExp(`(${WORDS})`, 'i');
const SECRET_ASSIGNMENT = new RegExp(`(${WORDS})\\s*(=|:)`, 'i');
const INTERPOLATION = /^["']?(\$\{|\$\(|\{\{)/;

/** Whether a line of a value assigns a literal to a secret-looking name (`PASSWORD=abc`):
 *  an empty value (`PASSWORD=`) or a reference (`${VAR}`, `$(cmd)`, `{{ tpl }}`) is fine.
 *  Unlike Trivy, the value is trimmed first, so `token: {{ .Values.token }}` and `password: `
 *  in an embedded YAML file count as references and empty too. */
function assignsSecret(line: string): boolean {
  if (!SECRET_ASSIGNMENT.test(line)) return false;
  return [':', '='].some((delimiter) => {
    const parts = line.split(delimiter);
    if (parts.length < 2) return false;
    const value = parts[1].trim();
    return value !== '' && !INTERPOLATION.test(value);
  });
}

export const noSecretsInConfigMaps = defineK8sRule({
  meta: {
    id: 'KSV0109',
    name: 'no-secrets-in-configmaps',
    trivyId: 'kubernetes-configMap-with-secrets',
    severity: 'high',
    title: 'ConfigMap with secrets',
    description:
      'A ConfigMap must not hold secrets: no `data` key may name one (password, passwd, pwd, passphrase, secret, secretkey, clientSecret, token, aws_access_key_id, ...), and no line of a value may assign a literal to such a name (`DB_PASSWORD=hunter2`, `token: abc`). Empty assignments and references (`${VAR}`, `$(cmd)`, `{{ ... }}`) are fine.',
    rationale:
      'ConfigMaps are not secret: they are readable by anyone with `get configmaps`, shown in plain text by tooling, not encrypted at rest by default, and often committed alongside the chart.',
    fix: 'Move the value into a Secret (or an external secret store) and reference it:\n\n```yaml\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password\n```',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/'],
  },
  kinds: ['ConfigMap'],
  check: (resource) => {
    const violations: K8sViolation[] = [];
    for (const [key, value] of configMapData(resource)) {
      // A value no line of which can match (the whole value does not: a line is part of it)
      // is not split into lines: most are long files (dashboards, configurations) without any.
      const linesMayAssign = SECRET_ASSIGNMENT.test(value);
      if (SECRET_KEY.test(key) || (linesMayAssign && value.split('\n').some(assignsSecret))) {
        violations.push({
          message: `${configMapLabel(resource)} stores secrets in key or value of '${key}'`,
          path: ['data', key],
        });
      }
    }
    return violations;
  },
});
