import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssRunningAsNonRoot } from './pss-running-as-non-root.js';

const rule = pssRunningAsNonRoot;

const valid: Record<string, string> = {
  'pod true': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
`,
  'every container true': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
  'hostUsers: false': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
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
  'pod false with containers true': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: false  # <-
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: true
`,
  'container false over pod true': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsNonRoot: false  # <-
`,
};

describe('KPG111 pss-running-as-non-root', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
