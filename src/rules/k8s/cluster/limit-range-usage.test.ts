import { ruleTester, workload } from '../../../../test/support/rules.js';
import { limitRangeUsage } from './limit-range-usage.js';

ruleTester(limitRangeUsage, {
  valid: [
    {
      name: 'passes a LimitRange with an entry setting type, max, min, default and defaultRequest',
      code: `apiVersion: v1
kind: LimitRange
metadata:
  name: lr
  namespace: app
spec:
  limits:
    - type: Container
      default: { cpu: 500m }
      defaultRequest: { cpu: 100m }
      min: { cpu: 50m }
      max: { cpu: '2' }
`,
    },
    {
      name: 'does not require a LimitRange per namespace by default',
      code: workload('Deployment', { name: 'web', metadata: 'namespace: app' }),
    },
  ],
  invalid: [
    {
      name: 'flags an incomplete LimitRange on spec.limits',
      code: `apiVersion: v1
kind: LimitRange
metadata:
  name: lr
  namespace: app
spec:
  limits:
    - type: Container
      default: { cpu: 500m }
`,
      errors: [
        {
          line: 7,
          message:
            "LimitRange 'lr' should configure default requests and limits, min and max for each container",
          path: ['spec', 'limits'],
        },
      ],
    },
    {
      name: 'with requirePerNamespace, flags namespaces with workloads but no LimitRange',
      code: [
        workload('Deployment', { name: 'web', metadata: 'namespace: app' }),
        workload('Deployment', { name: 'web', metadata: 'namespace: other' }),
        `apiVersion: v1
kind: LimitRange
metadata:
  name: lr
  namespace: app
spec:
  limits:
    - type: Container
      default: { cpu: 500m }
      defaultRequest: { cpu: 100m }
      min: { cpu: 50m }
      max: { cpu: '2' }
`,
      ].join('---\n'),
      options: { requirePerNamespace: true },
      errors: [
        {
          line: 17,
          message: "Namespace 'other' runs workloads but has no LimitRange",
          path: ['metadata', 'namespace'],
        },
      ],
    },
  ],
});
