import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssSelinux } from './pss-selinux.js';

ruleTester(pssSelinux, {
  valid: [
    {
      name: 'allowed types, empty user and a level',
      code: pod({
        spec: `
          securityContext:
            seLinuxOptions:
              type: ''
        `,
        container: `
          securityContext:
            seLinuxOptions:
              type: container_engine_t
              user: ''
              level: s0:c1
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'custom type',
      code: pod({
        spec: `
          securityContext:
            seLinuxOptions:
              type: spc_t  # <-
        `,
      }),
      errors: [
        { message: "Pod 'p' must not set 'securityContext.seLinuxOptions.type' to 'spc_t'" },
      ],
    },
    {
      name: 'user on an init container',
      code: pod({
        spec: `
          initContainers:
            - name: init
              image: busybox:1.36
              securityContext:
                seLinuxOptions:
                  user: system_u  # <-
        `,
      }),
      errors: [
        {
          message:
            "Init container 'init' of Pod 'p' must not set 'securityContext.seLinuxOptions.user' to 'system_u'",
        },
      ],
    },
    {
      name: 'role',
      code: pod({
        container: `
          securityContext:
            seLinuxOptions:
              role: sysadm_r  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not set 'securityContext.seLinuxOptions.role' to 'sysadm_r'",
        },
      ],
    },
  ],
});
