import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noUnsafeSysctl } from './no-unsafe-sysctl.js';

ruleTester(noUnsafeSysctl, {
  valid: [
    {
      name: 'safe sysctls of 1.32',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_syncookies
                value: '1'
              - name: net.ipv4.tcp_rmem
                value: 4096 87380 16777216
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unsafe sysctl',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: kernel.msgmax  # <-
                value: '65536'
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' has disallowed sysctl 'kernel.msgmax' and must only use allowed sysctls",
        },
      ],
    },
    {
      name: 'a 1.37 sysctl (Trivy uses the 1.32 list)',
      code: pod({
        spec: `
          securityContext:
            sysctls:
              - name: net.ipv4.tcp_notsent_lowat  # <-
                value: '16384'
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' has disallowed sysctl 'net.ipv4.tcp_notsent_lowat' and must only use allowed sysctls",
        },
      ],
    },
  ],
});
