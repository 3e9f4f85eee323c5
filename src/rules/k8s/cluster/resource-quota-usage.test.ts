import { resourceQuota, ruleTester } from '../../../../test/support/rules.js';
import { resourceQuotaUsage } from './resource-quota-usage.js';

ruleTester(resourceQuotaUsage, {
  valid: [
    {
      name: 'without requirePerNamespace, a namespace needs no quota',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a }] }\n',
      options: { requirePerNamespace: false },
    },
    {
      name: 'passes a quota with CPU and memory requests and limits',
      code: resourceQuota(`
        requests.cpu: '1'
        requests.memory: 1Gi
        limits.cpu: '2'
        limits.memory: 2Gi
      `),
    },
  ],
  invalid: [
    {
      name: 'flags a quota missing one, on spec.hard, naming what is missing',
      code: resourceQuota(`
        requests.cpu: '1'
        requests.memory: 1Gi
        limits.cpu: '2'
      `),
      errors: [
        {
          line: 6,
          message:
            "ResourceQuota 'q' should set hard memory and CPU quotas (missing limits.memory)",
          path: ['spec', 'hard'],
        },
      ],
    },
    {
      name: 'with requirePerNamespace, flags workloads without a quota in their namespace',
      code: 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a }] }\n',
      options: { requirePerNamespace: true },
      errors: [
        {
          line: 3,
          message: "Namespace 'default' runs workloads but has no ResourceQuota",
          path: ['metadata'],
        },
      ],
    },
  ],
});
