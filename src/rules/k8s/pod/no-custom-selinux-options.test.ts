import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noCustomSelinuxOptions } from './no-custom-selinux-options.js';

ruleTester(noCustomSelinuxOptions, {
  valid: [
    {
      name: 'empty options',
      code: pod({
        spec: `
          securityContext:
            seLinuxOptions: {}
        `,
      }),
    },
    {
      name: 'allowed type and a level',
      code: pod({
        container: `
          securityContext:
            seLinuxOptions:
              type: container_init_t
              level: s0:c1
        `,
      }),
    },
    { name: 'no securityContext', code: pod() },
  ],
  invalid: [
    {
      name: 'custom pod type',
      code: pod({
        spec: `
          securityContext:
            seLinuxOptions:
              type: spc_t  # <-
        `,
      }),
      errors: [{ message: "Pod 'p' uses invalid seLinux type 'spc_t'" }],
    },
    {
      name: 'empty type (Trivy flags it)',
      code: pod({
        container: `
          securityContext:
            seLinuxOptions:
              type: ''  # <-
        `,
      }),
      errors: [{ message: "Pod 'p' uses invalid seLinux type ''" }],
    },
    {
      name: 'user and role on a container',
      code: pod({
        container: `
          securityContext:
            seLinuxOptions:
              role: admin  # <-
              user: root
        `,
      }),
      errors: [
        { message: "Pod 'p' uses restricted properties in seLinuxOptions: ('role', 'user')" },
      ],
    },
  ],
});
