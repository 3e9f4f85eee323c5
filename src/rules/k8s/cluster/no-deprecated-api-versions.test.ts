import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noDeprecatedApiVersions } from './no-deprecated-api-versions.js';

const resource = (apiVersion: string, kind: string) =>
  `kind: ${kind}\napiVersion: ${apiVersion}\nmetadata:\n  name: x\n`;

describe('KSV107 no-deprecated-api-versions', () => {
  it.each([
    ['extensions/v1beta1', 'Deployment', 'apps/v1', '1.16'],
    ['networking.k8s.io/v1beta1', 'Ingress', 'networking.k8s.io/v1', '1.22'],
    ['policy/v1beta1', 'PodDisruptionBudget', 'policy/v1', '1.25'],
    ['batch/v1beta1', 'CronJob', 'batch/v1', '1.25'],
    ['autoscaling/v2beta2', 'HorizontalPodAutoscaler', 'autoscaling/v2', '1.26'],
  ])('flags %s %s on apiVersion', (apiVersion, kind, replacement, release) => {
    const yaml = resource(apiVersion, kind);
    expect(runK8sRule(noDeprecatedApiVersions, yaml)[0].message).toBe(
      `apiVersion '${apiVersion}' and kind '${kind}' should be replaced with the new API '${replacement}' (removed in Kubernetes ${release})`,
    );
    expect(violationLines(noDeprecatedApiVersions, yaml)).toEqual([2]);
  });

  it.each([
    ['apps/v1', 'Deployment'],
    ['policy/v1', 'PodDisruptionBudget'],
    ['extensions/v1beta1', 'SomethingElse'],
    ['constructor', 'Deployment'],
  ])('passes %s %s', (apiVersion, kind) => {
    expect(runK8sRule(noDeprecatedApiVersions, resource(apiVersion, kind))).toEqual([]);
  });
});
