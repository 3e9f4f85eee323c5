import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSharedIpcNamespace } from './no-shared-ipc-namespace.js';

const rule = noSharedIpcNamespace;

const valid: Record<string, string> = {
  false: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: false
  containers:
    - name: app
      image: nginx:1.27
`,
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
  hostIPC: true  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV008 no-shared-ipc-namespace', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
