import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noCustomSelinuxOptions } from './no-custom-selinux-options.js';

const rule = noCustomSelinuxOptions;

const valid: Record<string, string> = {
  'empty options': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seLinuxOptions: {}
  containers:
    - name: app
      image: nginx:1.27
`,
  'allowed type and a level': `
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
          type: container_init_t
          level: s0:c1
`,
  'no securityContext': `
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
  'custom pod type': `
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
  'empty type (Trivy flags it)': `
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
          type: ''  # <-
`,
  'user and role on a container': `
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
          role: admin  # <-
          user: root
`,
};

describe('KSV025 no-custom-selinux-options', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
