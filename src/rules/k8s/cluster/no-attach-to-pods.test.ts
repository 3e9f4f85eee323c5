import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noAttachToPods } from './no-attach-to-pods.js';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
${rules}
`;

const attach = `  - apiGroups: ['*']
    resources: ['pods/attach']
    verbs: ['create']`;
const getPods = `  - apiGroups: ['*']
    resources: ['pods']
    verbs: ['get']`;

describe('KSV054 no-attach-to-pods', () => {
  it('flags create on pods/attach with get on pods, on the attach entry', () => {
    const yaml = role(`${attach}\n${getPods}`);
    expect(runK8sRule(noAttachToPods, yaml)).toMatchObject([{ path: ['rules', 0] }]);
    expect(violationLines(noAttachToPods, yaml)).toEqual([6]);
  });

  it.each([
    ['attach without get on pods', attach],
    ['get on pods only', getPods],
    ['a named API group', `${attach.replace("['*']", "['']")}\n${getPods}`],
  ])('passes %s', (_name, rules) => {
    expect(runK8sRule(noAttachToPods, role(rules))).toEqual([]);
  });
});
