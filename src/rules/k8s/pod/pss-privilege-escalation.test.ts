import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.js';

const rule = pssPrivilegeEscalation;

const valid: Record<string, string> = {
  false: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
  'a Windows pod': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: windows
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'unset on an ephemeral container': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  ephemeralContainers:
    - name: debug  # <-
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
  true: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  os:
    name: linux
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: true  # <-
`,
};

describe('KPG110 pss-privilege-escalation', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
