import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noDefaultSecurityContext } from './no-default-security-context.js';

const rule = noDefaultSecurityContext;

const valid: Record<string, string> = {
  'both set': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    fsGroup: 1000
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
`,
  'container inherits a pod field': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsUser: 1000
  containers:
    - name: app
      image: nginx:1.27
      securityContext: {}
`,
};

const invalid: Record<string, string> = {
  'neither set': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:  # <-
  containers:
    - name: app  # <-
      image: nginx:1.27
`,
  'empty pod securityContext': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: {}  # <-
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        readOnlyRootFilesystem: true
`,
};

describe('KSV118 no-default-security-context', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
