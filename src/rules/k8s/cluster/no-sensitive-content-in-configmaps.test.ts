import { ruleTester } from '../../../../test/support/rules.js';
import { noSensitiveContentInConfigMaps } from './no-sensitive-content-in-configmaps.js';

ruleTester(noSensitiveContentInConfigMaps, {
  valid: [
    {
      name: 'passes plain settings',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
  LOG_LEVEL: INFO
  PORT: "8080"
`,
    },
    {
      name: 'passes a certificate bundle',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
  ca.crt: |
    -----BEGIN CERTIFICATE-----
    MIIDBTCCAe2gAwIBAgIIU8Ds12RSTUVWXYZ0123
    -----END CERTIFICATE-----
`,
    },
  ],
  invalid: [
    {
      name: 'flags a sensitive key on that key',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
  PORT: "8080"
  admin-email: ops
`,
      errors: [
        {
          line: 8,
          message:
            "ConfigMap 'c' in 'app' namespace stores sensitive contents in key or value of 'admin-email'",
        },
      ],
    },
    {
      name: 'flags an assignment in a value',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
  app.properties: |
    username=admin
`,
      errors: [
        {
          line: 7,
          message:
            "ConfigMap 'c' in 'app' namespace stores sensitive contents in key or value of 'app.properties'",
        },
      ],
    },
    {
      name: 'flags an email address in a value',
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: c
  namespace: app
data:
  contact: ops@example.com
`,
      errors: [
        {
          line: 7,
          message:
            "ConfigMap 'c' in 'app' namespace stores sensitive contents in key or value of 'contact'",
        },
      ],
    },
  ],
});
