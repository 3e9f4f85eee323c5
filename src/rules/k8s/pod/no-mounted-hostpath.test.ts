import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noMountedHostpath } from './no-mounted-hostpath.js';

const rule = noMountedHostpath;

const valid: Record<string, string> = {
  emptyDir: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: tmp
      emptyDir: {}
  containers:
    - name: app
      image: nginx:1.27
`,
  'hostPath: null (unset, as the API reads it)': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: tmp
      hostPath: null
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  hostPath: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      volumes:
        - name: data
          hostPath:  # <-
            path: /data
      containers:
        - name: app
          image: nginx:1.27
`,
};

describe('KSV023 no-mounted-hostpath', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
