import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { configMapData, configMapLabel } from './configmap-data.js';

const EMAIL =
  /([a-zA-Z0-9_\-.]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,4}|[0-9]{1,3})(\]?)/;
const IBAN = /[^.](?:\b[A-Z]{2}\d{2} ?\d{4} ?\d{4} ?\d{4} ?\d{4} ?[\d]{0,2}\b)/;
/** Trivy's patterns for a line of a value. */
const VALUE_PATTERNS = [
  /(username\s*(=|:))/i,
  /(email\s*(=|:))/i,
  EMAIL,
  /(key\s*(=|:))/i,
  /(phone\s*(=|:))/i,
  IBAN,
  /(SHA1)/i,
  /(MD5)/i,
  /(iban\s*(=|:))/i,
];
/** Trivy's patterns for a `data` key. */
const KEY_PATTERNS = [
  /(username\s*)/i,
  /(email\s*)/i,
  EMAIL,
  /(key\s*)/i,
  /(phone\s*)/i,
  IBAN,
  /(SHA1\s*)/i,
  /(MD5\s*)/i,
  /(iban\s*)/i,
];

/** A line matching a pattern counts when it has a name before `:` or `=`, as Trivy requires;
 *  an email address counts anywhere. Trivy's loose IBAN/passport patterns for bare values are
 *  left out: they match runs of base64 in every CA bundle ConfigMap. */
function hasSensitiveLine(value: string): boolean {
  return value
    .split('\n')
    .some(
      (line) =>
        ((line.includes(':') || line.includes('=')) &&
          VALUE_PATTERNS.some((pattern) => pattern.test(line))) ||
        EMAIL.test(line),
    );
}

export const noSensitiveContentInConfigMaps = defineK8sRule({
  meta: {
    id: 'KSV01010',
    name: 'no-sensitive-content-in-configmaps',
    trivyId: 'kubernetes-configMap-with-sensitive',
    severity: 'medium',
    title: 'ConfigMap with sensitive content',
    description:
      'A ConfigMap must not hold personal or sensitive data: no `data` key named like username, email, key, phone, iban, sha1 or md5 (or holding an email address or IBAN), and no line of a value assigning one (`email: a@b.example`) or containing an email address or IBAN. Trivy additionally matches bare values against loose IBAN and passport-number patterns (`^[A-Z0-9<]{3,20}$` matches `INFO` or `TRUE`, the IBAN one matches runs of base64 in CA bundles); this rule leaves those two out.',
    rationale:
      'ConfigMaps are readable by anyone with `get configmaps` and are not encrypted at rest by default; personal data and key material belong in a Secret or outside the cluster.',
    fix: 'Move the value into a Secret and mount or reference it:\n\n```yaml\nkind: Secret\nmetadata:\n  name: smtp\nstringData:\n  username: mailer\n```',
    references: ['https://kubernetes.io/docs/concepts/configuration/secret/'],
  },
  kinds: ['ConfigMap'],
  check: (resource) => {
    const violations: K8sViolation[] = [];
    for (const [key, value] of configMapData(resource)) {
      if (KEY_PATTERNS.some((pattern) => pattern.test(key)) || hasSensitiveLine(value)) {
        violations.push({
          message: `${configMapLabel(resource)} stores sensitive contents in key or value of '${key}'`,
          path: ['data', key],
        });
      }
    }
    return violations;
  },
});
