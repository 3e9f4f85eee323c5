import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noDockerSockMount } from './no-docker-sock-mount.js';

const rule = noDockerSockMount;

const valid: Record<string, string> = {
  'another hostPath': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: logs
      hostPath:
        path: /var/log
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'docker.sock': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  volumes:
    - name: sock
      hostPath:
        path: /var/run/docker.sock  # <-
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV006 no-docker-sock-mount', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
