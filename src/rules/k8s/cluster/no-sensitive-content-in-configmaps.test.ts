import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSensitiveContentInConfigMaps } from './no-sensitive-content-in-configmaps.js';

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
${data}
`;

describe('KSV01010 no-sensitive-content-in-configmaps', () => {
  it.each([
    ['plain settings', '  LOG_LEVEL: INFO\n  PORT: "8080"'],
    [
      'a certificate bundle',
      '  ca.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIDBTCCAe2gAwIBAgIIU8Ds12RSTUVWXYZ0123\n    -----END CERTIFICATE-----',
    ],
  ])('passes %s', (_name, data) => {
    expect(runK8sRule(noSensitiveContentInConfigMaps, configMap(data))).toEqual([]);
  });

  it('flags a sensitive key on that key', () => {
    const yaml = configMap('  PORT: "8080"\n  admin-email: ops');
    expect(runK8sRule(noSensitiveContentInConfigMaps, yaml)[0].message).toBe(
      "ConfigMap 'c' in 'app' namespace stores sensitive contents in key or value of 'admin-email'",
    );
    expect(violationLines(noSensitiveContentInConfigMaps, yaml)).toEqual([8]);
  });

  it.each([
    ['an assignment', '  app.properties: |\n    username=admin'],
    ['an email address', '  contact: ops@example.com'],
  ])('flags %s in a value', (_name, data) => {
    expect(runK8sRule(noSensitiveContentInConfigMaps, configMap(data))).toHaveLength(1);
  });
});
