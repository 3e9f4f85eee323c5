import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { isObject } from '../../../sources/resource.js';

export interface ExternalIpOptions {
  /** External IPs that may be used (Trivy's `allowedIPs`, empty there). */
  allowedExternalIPs: string[];
  /** `spec.externalName` values that may be used (Trivy's `allowedNames`); `'*'` allows any. */
  allowedExternalNames: string[];
}

export const noServiceExternalIps = defineK8sRule<ExternalIpOptions>({
  meta: {
    id: 'KSV0108',
    name: 'no-service-external-ips',
    trivyId: 'kubernetes-no-svc-with-extip',
    severity: 'high',
    title: 'Service with External IP',
    description:
      "A Service must not set `spec.externalIPs`, nor `spec.externalName`, unless the value is allowed by the options `allowedExternalIPs` / `allowedExternalNames` (both empty by default, as in Trivy; `allowedExternalNames: ['*']` allows every ExternalName Service).",
    rationale:
      'Any user who can create a Service with `externalIPs` can intercept traffic the cluster sends to those addresses (CVE-2020-8554); an ExternalName Service points an in-cluster name at an arbitrary host.',
    fix: 'Remove `externalIPs`; expose the Service with a LoadBalancer or an Ingress instead, and block the field cluster-wide with the DenyServiceExternalIPs admission plugin:\n\n```yaml\nkind: Service\nspec:\n  type: LoadBalancer\n  ports:\n    - port: 80\n```',
    references: [
      'https://github.com/kubernetes/kubernetes/issues/97076',
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
    ],
  },
  options: {
    allowedExternalIPs: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description: "External IPs a Service may use (Trivy's `allowedIPs`).",
    },
    allowedExternalNames: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        "`spec.externalName` values a Service may use (Trivy's `allowedNames`); `'*'` allows any.",
    },
  },
  kinds: ['Service'],
  check: (resource, options) => {
    const spec = resource.object.spec;
    if (!isObject(spec)) return [];
    const label = `Service '${resource.ref.name}' in '${resource.ref.namespace ?? 'default'}' namespace`;
    const violations: K8sViolation[] = [];
    const ips = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
    const forbidden = ips.filter((ip) => !options.allowedExternalIPs.includes(String(ip)));
    if (forbidden.length > 0) {
      violations.push({
        message: `${label} should not set external IPs (${forbidden.join(', ')})`,
        path: ['spec', 'externalIPs'],
      });
    }
    const name = spec.externalName;
    const names = options.allowedExternalNames;
    if (
      name !== undefined &&
      name !== null &&
      !names.includes('*') &&
      !names.includes(String(name))
    ) {
      violations.push({
        message: `${label} should not set external name '${String(name)}'`,
        path: ['spec', 'externalName'],
      });
    }
    return violations;
  },
});
