import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noK8sWithDisallowedVolumes } from './no-k8s-with-disallowed-volumes.js';

const rule = noK8sWithDisallowedVolumes;

const valid: Record<string, string> = {
  'a subdirectory': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      hostPath:
        path: /etc/app
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  '/etc': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: a
      hostPath:
        path: /etc  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV121 no-k8s-with-disallowed-volumes', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
