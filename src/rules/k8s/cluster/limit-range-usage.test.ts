import { describe, expect, it } from 'vitest';
import { resourcesFromYaml, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { limitRangeUsage } from './limit-range-usage.js';

const limitRange = (fields: string) => `apiVersion: v1
kind: LimitRange
metadata:
  name: lr
  namespace: app
spec:
  limits:
    - type: Container
${fields}
`;
const complete = `      default: { cpu: 500m }
      defaultRequest: { cpu: 100m }
      min: { cpu: 50m }
      max: { cpu: '2' }`;
const deployment = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

describe('KSV039 limit-range-usage', () => {
  it('passes a LimitRange with an entry setting type, max, min, default and defaultRequest', () => {
    expect(runK8sRule(limitRangeUsage, limitRange(complete))).toEqual([]);
  });

  it('flags an incomplete LimitRange on spec.limits', () => {
    const yaml = limitRange('      default: { cpu: 500m }');
    expect(runK8sRule(limitRangeUsage, yaml)).toHaveLength(1);
    expect(violationLines(limitRangeUsage, yaml)).toEqual([7]);
  });

  it('does not require a LimitRange per namespace by default', () => {
    expect(runK8sRule(limitRangeUsage, deployment('app'))).toEqual([]);
  });

  it('with requirePerNamespace, flags namespaces with workloads but no LimitRange', () => {
    const yaml = `${deployment('app')}---\n${deployment('other')}---\n${limitRange(complete)}`;
    const resources = resourcesFromYaml(yaml);
    const found = limitRangeUsage.checkAll!(resources, { requirePerNamespace: true });
    expect(found).toMatchObject([
      {
        message: "Namespace 'other' runs workloads but has no LimitRange",
        path: ['metadata', 'namespace'],
      },
    ]);
    expect(found[0].resource.origin.locate(found[0].path).line).toBe(17);
  });
});
