import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noNonEphemeralVolumes } from './no-non-ephemeral-volumes.js';

const rule = noNonEphemeralVolumes;

const valid: Record<string, string> = {
  'core volumes': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      emptyDir: {}
    - name: b
      persistentVolumeClaim:
        claimName: data
    - name: c
  containers:
    - name: app
      image: nginx:1.27
`,
  'hostPath (KSV023 covers it)': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      hostPath:
        path: /data
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  nfs: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      nfs:  # <-
        server: nfs.example
        path: /export
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV028 no-non-ephemeral-volumes', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
