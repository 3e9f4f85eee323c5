import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { primarySupplementaryGid } from './primary-supplementary-gid.js';

const rule = primarySupplementaryGid;

const valid: Record<string, string> = {
  'non-root groups': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 1000
    fsGroup: 1000
    supplementalGroups: [1000]
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'root groups': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    runAsGroup: 0  # <-
    fsGroup: 0  # <-
    supplementalGroups:
      - 5
      - 0  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV116 primary-supplementary-gid', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
