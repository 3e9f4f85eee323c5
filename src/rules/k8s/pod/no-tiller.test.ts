import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noTiller } from './no-tiller.js';

const rule = noTiller;

const valid: Record<string, string> = {
  'an ordinary deployment': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'tiller image': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: tiller
          image: ghcr.io/helm/tiller:v2.17.0  # <-
`,
  'app: helm label on the template': `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:  # <-
      labels:
        app: helm
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
};

describe('KSV102 no-tiller', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
