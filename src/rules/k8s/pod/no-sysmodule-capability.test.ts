import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSysmoduleCapability } from './no-sysmodule-capability.js';

const rule = noSysmoduleCapability;

const valid: Record<string, string> = {
  'no capabilities': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'SYS_MODULE added': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
                capabilities:
                  add:
                    - SYS_MODULE  # <-
`,
};

describe('KSV120 no-sysmodule-capability', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
