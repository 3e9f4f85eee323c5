import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSecretsInEnv } from './no-secrets-in-env.js';

const rule = noSecretsInEnv;

const valid: Record<string, string> = {
  'secret volume and configMap env': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: MODE
          valueFrom:
            configMapKeyRef:
              name: cfg
              key: mode
      envFrom:
        - configMapRef:
            name: cfg
`,
};

const invalid: Record<string, string> = {
  'secretKeyRef and envFrom secretRef': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: PLAIN
          value: x
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:  # <-
              name: db
              key: password
      envFrom:
        - secretRef:  # <-
            name: api-keys
`,
};

describe('KPG120 no-secrets-in-env', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
