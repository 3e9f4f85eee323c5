import { describe, expect, it } from 'vitest';
import { markedLines, runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { pssSysctls } from './pss-sysctls.js';

const rule = pssSysctls;

const valid: Record<string, string> = {
  '1.37 sysctls': `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_slow_start_after_idle
        value: '0'
      - name: net.ipv4.ip_local_port_range
        value: 1024 65535
  containers:
    - name: app
      image: nginx:1.27
`,
};

const invalid: Record<string, string> = {
  unsafe: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
      - name: net.ipv4.tcp_syncookies
        value: '1'
      - name: kernel.shmmax  # <-
        value: '1'
  containers:
    - name: app
      image: nginx:1.27
`,
};

describe('KPG107 pss-sysctls', () => {
  it.each(Object.entries(valid))('passes: %s', (_name, yaml) => {
    expect(runK8sRule(rule, yaml)).toEqual([]);
  });

  it.each(Object.entries(invalid))('flags the marked lines: %s', (_name, yaml) => {
    expect(violationLines(rule, yaml).sort((a, b) => a - b)).toEqual(markedLines(yaml));
  });
});
