import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssSysctls } from './pss-sysctls.js';

ruleTester(pssSysctls, {
  valid: [
    {
      name: '1.37 sysctls',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_slow_start_after_idle
                value: '0'
              - name: net.ipv4.ip_local_port_range
                value: 1024 65535
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unsafe',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_syncookies
                value: '1'
              - name: kernel.shmmax  # <-
                value: '1'
        `,
      }),
      errors: [{ message: "Pod 'p' must not set sysctl 'kernel.shmmax'" }],
    },
  ],
});
