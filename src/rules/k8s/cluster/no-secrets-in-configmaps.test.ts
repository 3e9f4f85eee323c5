import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSecretsInConfigMaps } from './no-secrets-in-configmaps.js';

const configMap = (data: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
${data}
`;

describe('KSV0109 no-secrets-in-configmaps', () => {
  it.each([
    ['an empty assignment', '  config: REDIS_PASSWORD='],
    ['an interpolated value', '  env: REDIS_PASSWORD=${REDIS_PASSWORD}'],
    ['a template reference', '  env: "token: {{ .Values.token }}"'],
    ['unrelated settings', '  LOG_LEVEL: info\n  PORT: "8080"'],
  ])('passes %s', (_name, data) => {
    expect(runK8sRule(noSecretsInConfigMaps, configMap(data))).toEqual([]);
  });

  it('flags a secret-looking key on that key', () => {
    const yaml = configMap('  LOG_LEVEL: info\n  db-password: hunter2');
    expect(runK8sRule(noSecretsInConfigMaps, yaml)[0].message).toBe(
      "ConfigMap 'c' in 'default' namespace stores secrets in key or value of 'db-password'",
    );
    expect(violationLines(noSecretsInConfigMaps, yaml)).toEqual([7]);
  });

  it('flags a literal assignment inside a multi-line value', () => {
    const yaml = configMap('  app.env: |\n    HOST=db\n    DB_PASSWORD=abcd1234');
    expect(runK8sRule(noSecretsInConfigMaps, yaml)).toMatchObject([{ path: ['data', 'app.env'] }]);
  });

  it('ignores Secrets', () => {
    const yaml =
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata: { password: aHVudGVyMg== }\n';
    expect(runK8sRule(noSecretsInConfigMaps, yaml)).toEqual([]);
  });
});
