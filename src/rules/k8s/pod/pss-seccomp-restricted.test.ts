import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssSeccompRestricted } from './pss-seccomp-restricted.js';

const rule = pssSeccompRestricted;

const valid: Record<string, string> = {
  'pod RuntimeDefault': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
`,
  'every container Localhost': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: Localhost
          localhostProfile: p.json
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
  'pod Unconfined even when containers set RuntimeDefault': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:  # <-
      type: Unconfined
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:
          type: RuntimeDefault
`,
  'container Unconfined': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        seccompProfile:  # <-
          type: Unconfined
`,
};

describe('KPG113 pss-seccomp-restricted', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
