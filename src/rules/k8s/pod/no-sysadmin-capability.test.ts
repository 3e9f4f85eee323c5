import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSysadminCapability } from './no-sysadmin-capability.js';

const rule = noSysadminCapability;

const valid: Record<string, string> = {
  'other capabilities': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add: [NET_BIND_SERVICE]
`,
  'sys_admin in lower case (Trivy compares exactly)': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add: [sys_admin]
`,
};

const invalid: Record<string, string> = {
  'SYS_ADMIN added': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          add:
            - CHOWN
            - SYS_ADMIN  # <-
`,
};

describe('KSV005 no-sysadmin-capability', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
