import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssApparmor } from './pss-apparmor.js';

const rule = pssApparmor;

const valid: Record<string, string> = {
  'localhost annotation': `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: localhost/custom
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  'RuntimeDefault and Localhost fields': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        appArmorProfile:
          type: Localhost
          localhostProfile: custom
`,
};

const invalid: Record<string, string> = {
  'unconfined annotation for any container': `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/other: unconfined  # <-
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  'Unconfined field': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    appArmorProfile:  # <-
      type: Unconfined
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        appArmorProfile:  # <-
          type: Unconfined
`,
};

describe('KPG103 pss-apparmor', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
