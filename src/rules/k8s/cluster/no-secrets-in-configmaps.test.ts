import { configMap, ruleTester } from '../../../../test/support/rules.js';
import { noSecretsInConfigMaps } from './no-secrets-in-configmaps.js';

ruleTester(noSecretsInConfigMaps, {
  valid: [
    {
      name: 'passes an empty assignment',
      code: configMap('config: REDIS_PASSWORD='),
    },
    {
      name: 'passes an interpolated value',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
  env: REDIS_PASSWORD=\${REDIS_PASSWORD}
`,
    },
    {
      name: 'passes a template reference',
      code: configMap('env: "token: {{ .Values.token }}"'),
    },
    {
      name: 'passes unrelated settings',
      code: configMap(`
        LOG_LEVEL: info
        PORT: "8080"
      `),
    },
    {
      name: 'ignores Secrets',
      code: `apiVersion: v1
kind: Secret
metadata: { name: s }
data: { password: aHVudGVyMg== }
`,
    },
  ],
  invalid: [
    {
      name: 'flags a secret-looking key on that key',
      code: configMap(`
        LOG_LEVEL: info
        db-password: hunter2
      `),
      errors: [
        {
          line: 7,
          message:
            "ConfigMap 'c' in 'default' namespace stores secrets in key or value of 'db-password'",
          path: ['data', 'db-password'],
        },
      ],
    },
    {
      name: 'flags a literal assignment inside a multi-line value',
      code: configMap(`
        app.env: |
          HOST=db
          DB_PASSWORD=abcd1234
      `),
      errors: [
        {
          line: 6,
          message:
            "ConfigMap 'c' in 'default' namespace stores secrets in key or value of 'app.env'",
          path: ['data', 'app.env'],
        },
      ],
    },
  ],
});
