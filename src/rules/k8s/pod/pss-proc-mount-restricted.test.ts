import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssProcMountRestricted } from './pss-proc-mount-restricted.js';

const rule = pssProcMountRestricted;

const valid: Record<string, string> = {
  'Default with hostUsers: false': `
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
        procMount: Default
`,
};

const invalid: Record<string, string> = {
  'Unmasked with hostUsers: false': `
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
        procMount: Unmasked  # <-
`,
};

describe('KPG115 pss-proc-mount-restricted', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
