import { ruleTester, workload } from '../../../../test/support/rules.js';
import { noDefaultNamespace } from './no-default-namespace.js';

ruleTester(noDefaultNamespace, {
  valid: [
    {
      name: 'passes other namespaces and non-workloads',
      code: workload('Deployment', { name: 'web', metadata: 'namespace: shop' }),
    },
    {
      name: 'passes other namespaces and non-workloads',
      code: `apiVersion: v1
kind: Service
metadata: { name: s }
`,
    },
  ],
  invalid: [
    {
      name: 'flags an explicit default namespace on its line',
      code: workload('Deployment', { name: 'web', metadata: 'namespace: default' }),
      errors: [
        {
          line: 5,
          message:
            'deployment web in default namespace should set metadata.namespace to a non-default namespace',
        },
      ],
    },
    {
      name: 'flags a workload without a namespace on metadata, as Trivy does',
      code: workload('Deployment', { name: 'web' }),
      errors: [
        {
          line: 3,
          message:
            'deployment web in default namespace should set metadata.namespace to a non-default namespace',
        },
      ],
    },
  ],
});
