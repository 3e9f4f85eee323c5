import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { useDefaultApparmorProfile } from './use-default-apparmor-profile.js';

const rule = useDefaultApparmorProfile;

const valid: Record<string, string> = {
  'no annotation': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  'runtime/default': `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: runtime/default
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  'annotation for another container name': `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/other: unconfined
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  unconfined: `
apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined  # <-
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
  'a localhost profile (Trivy flags it)': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/app: localhost/custom  # <-
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
};

describe('KSV002 use-default-apparmor-profile', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
