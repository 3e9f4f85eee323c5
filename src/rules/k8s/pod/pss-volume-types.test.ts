import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssVolumeTypes } from './pss-volume-types.js';

const rule = pssVolumeTypes;

const valid: Record<string, string> = {
  'allowed sources and a volume without source': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
    - name: b
      emptyDir: {}
    - name: c
      image:
        reference: registry.example/data:1
    - name: d
      projected:
        sources: []
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  hostPath: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      hostPath:  # <-
        path: /data
  containers:
    - name: app
      image: nginx:1.27
`,
  cephfs: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      cephfs:  # <-
        monitors: [m]
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KPG109 pss-volume-types', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
