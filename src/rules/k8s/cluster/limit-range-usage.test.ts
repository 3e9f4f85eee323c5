import { limitRange, ruleTester, workload } from '../../../../test/support/rules.js';
import { limitRangeUsage } from './limit-range-usage.js';

ruleTester(limitRangeUsage, {
  valid: [
    {
      name: 'passes a LimitRange with an entry setting type, max, min, default and defaultRequest',
      code: limitRange(
        `
        - type: Container
          default: { cpu: 500m }
          defaultRequest: { cpu: 100m }
          min: { cpu: 50m }
          max: { cpu: '2' }
      `,
        { namespace: 'app' },
      ),
    },
    {
      name: 'does not require a LimitRange per namespace by default',
      code: workload('Deployment', { name: 'web', metadata: 'namespace: app' }),
    },
  ],
  invalid: [
    {
      name: 'flags an incomplete LimitRange on spec.limits',
      code: limitRange(
        `
        - type: Container
          default: { cpu: 500m }
      `,
        { namespace: 'app' },
      ),
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
        limitRange(
          `
          - type: Container
            default: { cpu: 500m }
            defaultRequest: { cpu: 100m }
            min: { cpu: 50m }
            max: { cpu: '2' }
        `,
          { namespace: 'app' },
        ),
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
