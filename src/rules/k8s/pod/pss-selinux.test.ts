import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssSelinux } from './pss-selinux.js';

const rule = pssSelinux;

const valid: Record<string, string> = {
  'allowed types, empty user and a level': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      type: ''
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seLinuxOptions:
          type: container_engine_t
          user: ''
          level: s0:c1
`,
};

const invalid: Record<string, string> = {
  'custom type': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions:
      type: spc_t  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
  'user on an init container': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init
      image: busybox:1.36
      securityContext:
        seLinuxOptions:
          user: system_u  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
  role: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seLinuxOptions:
          role: sysadm_r  # <-
`,
};

describe('KPG104 pss-selinux', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
