import { ruleTester, service } from '../../../../test/support/rules.js';
import { noServiceExternalIps } from './no-service-external-ips.js';

const EXTERNAL_NAME = service(`
  ports:
    - port: 80
  type: ExternalName
  externalName: db.example.com
`);

ruleTester(noServiceExternalIps, {
  valid: [
    {
      name: 'passes a Service without externalIPs or externalName',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
    - port: 80

`,
    },
    {
      name: 'flags externalName, as Trivy does, unless allowed',
      code: EXTERNAL_NAME,
      options: { allowedExternalNames: ['db.example.com'] },
    },
    {
      name: 'flags externalName, as Trivy does, unless allowed',
      code: EXTERNAL_NAME,
      options: { allowedExternalNames: ['*'] },
    },
    {
      name: 'passes allowed external IPs',
      code: service(`
        ports:
          - port: 80
        externalIPs: [10.0.0.1]
      `),
      options: { allowedExternalIPs: ['10.0.0.1'] },
    },
  ],
  invalid: [
    {
      name: 'flags externalIPs on the key',
      code: service(`
        ports:
          - port: 80
        externalIPs:
          - 192.168.0.106
      `),
      errors: [
        {
          line: 8,
          message: "Service 's' in 'default' namespace should not set external IPs (192.168.0.106)",
        },
      ],
    },
    {
      name: 'flags externalName, as Trivy does, unless allowed',
      code: EXTERNAL_NAME,
      errors: [
        {
          line: 9,
          message:
            "Service 's' in 'default' namespace should not set external name 'db.example.com'",
        },
      ],
    },
  ],
});
