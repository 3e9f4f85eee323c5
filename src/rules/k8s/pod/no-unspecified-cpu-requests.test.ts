import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noUnspecifiedCpuRequests } from './no-unspecified-cpu-requests.js';

const rule = noUnspecifiedCpuRequests;

const valid: Record<string, string> = {
  set: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        requests:
          cpu: 1
`,
};

const invalid: Record<string, string> = {
  unset: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app  # <-
      image: nginx:1.27
`,
  'only memory set': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app  # <-
      image: nginx:1.27
      resources:
        requests:
          memory: 1
`,
};

describe('KSV015 no-unspecified-cpu-requests', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
