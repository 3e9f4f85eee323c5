import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noHostprocessContainers } from './no-hostprocess-containers.js';

const rule = noHostprocessContainers;

const valid: Record<string, string> = {
  false: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    windowsOptions:
      hostProcess: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        windowsOptions:
          hostProcess: false
`,
};

const invalid: Record<string, string> = {
  'pod level': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    windowsOptions:
      hostProcess: true  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
  'container level': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        windowsOptions:
          hostProcess: true  # <-
`,
};

describe('KSV103 no-hostprocess-containers', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
