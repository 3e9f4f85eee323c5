import { describe, expect, it } from 'vitest';
import { resourcesFromYaml, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { resourceQuotaUsage } from './resource-quota-usage.js';

const quota = (hard: string) => `apiVersion: v1
kind: ResourceQuota
metadata:
  name: q
spec:
  hard:
${hard}
`;

describe('KSV040 resource-quota-usage', () => {
  it('passes a quota with CPU and memory requests and limits', () => {
    const hard =
      "    requests.cpu: '1'\n    requests.memory: 1Gi\n    limits.cpu: '2'\n    limits.memory: 2Gi";
    expect(runK8sRule(resourceQuotaUsage, quota(hard))).toEqual([]);
  });

  it('flags a quota missing one, on spec.hard, naming what is missing', () => {
    const yaml = quota("    requests.cpu: '1'\n    requests.memory: 1Gi\n    limits.cpu: '2'");
    expect(runK8sRule(resourceQuotaUsage, yaml)[0].message).toContain('missing limits.memory');
    expect(violationLines(resourceQuotaUsage, yaml)).toEqual([6]);
  });

  it('with requirePerNamespace, flags workloads without a quota in their namespace', () => {
    const yaml =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: a }] }\n';
    expect(
      resourceQuotaUsage.checkAll!(resourcesFromYaml(yaml), { requirePerNamespace: false }),
    ).toEqual([]);
    expect(
      resourceQuotaUsage.checkAll!(resourcesFromYaml(yaml), { requirePerNamespace: true }),
    ).toMatchObject([
      {
        message: "Namespace 'default' runs workloads but has no ResourceQuota",
        path: ['metadata'],
      },
    ]);
  });
});
