import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noServiceExternalIps } from './no-service-external-ips.js';

const service = (extra: string) => `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
    - port: 80
${extra}
`;

describe('KSV0108 no-service-external-ips', () => {
  it('passes a Service without externalIPs or externalName', () => {
    expect(runK8sRule(noServiceExternalIps, service(''))).toEqual([]);
  });

  it('flags externalIPs on the key', () => {
    const yaml = service('  externalIPs:\n    - 192.168.0.106');
    expect(runK8sRule(noServiceExternalIps, yaml)[0].message).toBe(
      "Service 's' in 'default' namespace should not set external IPs (192.168.0.106)",
    );
    expect(violationLines(noServiceExternalIps, yaml)).toEqual([8]);
  });

  it('flags externalName, as Trivy does, unless allowed', () => {
    const yaml = service('  type: ExternalName\n  externalName: db.example.com');
    expect(violationLines(noServiceExternalIps, yaml)).toEqual([9]);
    expect(
      runK8sRule(noServiceExternalIps, yaml, { allowedExternalNames: ['db.example.com'] }),
    ).toEqual([]);
    expect(runK8sRule(noServiceExternalIps, yaml, { allowedExternalNames: ['*'] })).toEqual([]);
  });

  it('passes allowed external IPs', () => {
    const yaml = service('  externalIPs: [10.0.0.1]');
    expect(runK8sRule(noServiceExternalIps, yaml, { allowedExternalIPs: ['10.0.0.1'] })).toEqual(
      [],
    );
  });
});
