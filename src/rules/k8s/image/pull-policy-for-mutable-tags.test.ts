import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pullPolicyForMutableTags } from './pull-policy-for-mutable-tags.js';

const pod = (image: string, policy?: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: ${image}
${policy ? `      imagePullPolicy: ${policy}\n` : ''}`;

describe('KPG202 pull-policy-for-mutable-tags', () => {
  it('is off by default (no generated pack enables it)', () => {
    expect(pullPolicyForMutableTags.meta.optional).toBe(true);
  });

  it.each([
    ['a tag pulled Always', pod('ghcr.io/acme/app:1.4.2', 'Always')],
    ['a digest', pod(`ghcr.io/acme/app@sha256:${'b'.repeat(64)}`, 'IfNotPresent')],
    ['an untagged image left at its default (Always)', pod('nginx')],
  ])('passes %s', (_name, yaml) => {
    expect(runK8sRule(pullPolicyForMutableTags, yaml)).toEqual([]);
  });

  it('flags a tag left at its default (IfNotPresent) on the image line', () => {
    expect(violationLines(pullPolicyForMutableTags, pod('ghcr.io/acme/app:1.4.2'))).toEqual([8]);
  });

  it('flags an explicit IfNotPresent on :latest on the policy line', () => {
    expect(violationLines(pullPolicyForMutableTags, pod('nginx:latest', 'IfNotPresent'))).toEqual([
      9,
    ]);
  });
});
