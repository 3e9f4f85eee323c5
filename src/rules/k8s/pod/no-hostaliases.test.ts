import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noHostaliases } from './no-hostaliases.js';

const rule = noHostaliases;

const valid: Record<string, string> = {
  none: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'hostAliases set': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostAliases:  # <-
    - ip: 10.0.0.1
      hostnames: [db]
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV007 no-hostaliases', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
