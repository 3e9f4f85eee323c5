import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssRunningAsNonRootUser } from './pss-running-as-non-root-user.js';

const rule = pssRunningAsNonRootUser;

const valid: Record<string, string> = {
  'non-zero': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 1000
`,
  'zero with hostUsers: false': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostUsers: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
`,
};

const invalid: Record<string, string> = {
  'pod zero': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 0  # <-
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 1000
`,
  'container zero': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0  # <-
`,
};

describe('KPG112 pss-running-as-non-root-user', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
