import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noHostPid } from './no-host-pid.js';

const rule = noHostPid;

const valid: Record<string, string> = {
  unset: `
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
  true: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: true  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV010 no-host-pid', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
