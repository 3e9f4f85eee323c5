import { configMap, ruleTester } from '../../../../test/support/rules.js';
import { noSensitiveContentInConfigMaps } from './no-sensitive-content-in-configmaps.js';

ruleTester(noSensitiveContentInConfigMaps, {
  valid: [
    {
      name: 'passes plain settings',
      code: configMap(
        `
        LOG_LEVEL: INFO
        PORT: "8080"
      `,
        { namespace: 'app' },
      ),
    },
    {
      name: 'passes a certificate bundle',
      code: configMap(
        `
        ca.crt: |
          -----BEGIN CERTIFICATE-----
          MIIDBTCCAe2gAwIBAgIIU8Ds12RSTUVWXYZ0123
          -----END CERTIFICATE-----
      `,
        { namespace: 'app' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags a sensitive key on that key',
      code: configMap(
        `
        PORT: "8080"
        admin-email: ops
      `,
        { namespace: 'app' },
      ),
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
      code: configMap(
        `
        app.properties: |
          username=admin
      `,
        { namespace: 'app' },
      ),
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
      code: configMap('contact: ops@example.com', { namespace: 'app' }),
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
