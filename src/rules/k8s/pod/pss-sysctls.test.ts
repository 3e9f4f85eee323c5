import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssSysctls } from './pss-sysctls.js';

ruleTester(pssSysctls, {
  valid: [
    {
      name: '1.32 sysctls',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_rmem
                value: 4096 87380 6291456
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
