import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noUnsafeSysctl } from './no-unsafe-sysctl.js';

const rule = noUnsafeSysctl;

const valid: Record<string, string> = {
  'safe sysctls of 1.32': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_syncookies
        value: '1'
      - name: net.ipv4.tcp_rmem
        value: 4096 87380 16777216
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  'unsafe sysctl': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: kernel.msgmax  # <-
        value: '65536'
  containers:
    - name: app
      image: nginx:1.27
`,
  'a 1.37 sysctl (Trivy uses the 1.32 list)': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_notsent_lowat  # <-
        value: '16384'
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KSV026 no-unsafe-sysctl', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
