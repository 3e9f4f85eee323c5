import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { dropUnusedCapabilities } from './drop-unused-capabilities.js';

const rule = dropUnusedCapabilities;

const valid: Record<string, string> = {
  'drops something': `
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
          drop: [NET_RAW]
`,
  'drops an empty list': `
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
          drop: []
`,
};

const invalid: Record<string, string> = {
  'no drop': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app  # <-
      image: nginx:1.27
      securityContext:
        capabilities:
          add: [CHOWN]
`,
  'init container without securityContext': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
    - name: init  # <-
      image: busybox:1.36
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        capabilities:
          drop: [ALL]
`,
};

describe('KSV004 drop-unused-capabilities', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
