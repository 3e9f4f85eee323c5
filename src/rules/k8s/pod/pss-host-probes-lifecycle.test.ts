import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssHostProbesLifecycle } from './pss-host-probes-lifecycle.js';

const rule = pssHostProbesLifecycle;

const valid: Record<string, string> = {
  'probes without host': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      livenessProbe:
        httpGet:
          port: 8080
      readinessProbe:
        tcpSocket:
          port: 8080
          host: ''
`,
};

const invalid: Record<string, string> = {
  'httpGet host on a probe': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      startupProbe:
        httpGet:
          host: 127.0.0.1  # <-
          port: 8080
`,
  'tcpSocket host on a preStop hook': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      lifecycle:
        preStop:
          tcpSocket:
            host: metadata.internal  # <-
            port: 80
`,
};

describe('KPG108 pss-host-probes-lifecycle', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
