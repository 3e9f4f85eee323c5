import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssCapabilitiesBaseline } from './pss-capabilities-baseline.js';

ruleTester(pssCapabilitiesBaseline, {
  valid: [
    {
      name: 'the default set',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add: [AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'NET_RAW',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add:
                - NET_RAW  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not include 'NET_RAW' in 'securityContext.capabilities.add'",
        },
      ],
    },
    {
      name: 'lower case is not the default set',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add:
                - chown  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not include 'chown' in 'securityContext.capabilities.add'",
        },
      ],
    },
    {
      name: 'CAP_ prefix, in an ephemeral container',
      code: pod({
        spec: `
          ephemeralContainers:
            - name: debug
              image: busybox:1.36
              securityContext:
                capabilities:
                  add:
                    - CAP_CHOWN  # <-
        `,
      }),
      errors: [
        {
          message:
            "Ephemeral container 'debug' of Pod 'p' must not include 'CAP_CHOWN' in 'securityContext.capabilities.add'",
        },
      ],
    },
  ],
});
