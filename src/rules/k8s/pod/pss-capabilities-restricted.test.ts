import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssCapabilitiesRestricted } from './pss-capabilities-restricted.js';

const rule = pssCapabilitiesRestricted;

const valid: Record<string, string> = {
  'drop ALL, add NET_BIND_SERVICE': `
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
          drop: [ALL]
          add: [NET_BIND_SERVICE]
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
  'no capabilities': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app  # <-
      image: nginx:1.27
`,
  'lower-case all': `
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
          drop: [all]  # <-
`,
  'adds CHOWN': `
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
          drop: [ALL]
          add:
            - CHOWN  # <-
`,
};

describe('KPG114 pss-capabilities-restricted', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
