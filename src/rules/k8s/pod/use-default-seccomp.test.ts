import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { useDefaultSeccomp } from './use-default-seccomp.js';

ruleTester(useDefaultSeccomp, {
  valid: [
    {
      name: 'pod RuntimeDefault',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
    },
    {
      name: 'container Localhost',
      code: pod({
        container: `
          securityContext:
            seccompProfile:
              type: Localhost
              localhostProfile: p.json
        `,
      }),
    },
    {
      name: 'pod Unconfined overridden by the container',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: Unconfined
        `,
        container: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
    },
    {
      name: 'runtime/default annotation',
      code: pod({
        metadata: `
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: runtime/default
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unset',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message:
            "Either Pod or Container 'app' of Pod 'p' should set 'securityContext.seccompProfile.type' to 'RuntimeDefault'",
        },
      ],
    },
    {
      name: 'pod Unconfined, inherited',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: Unconfined  # <-
        `,
      }),
      errors: [
        {
          message:
            "Either Pod or Container 'app' of Pod 'p' should set 'securityContext.seccompProfile.type' to 'RuntimeDefault'",
        },
      ],
    },
    {
      name: 'custom annotation',
      code: pod({
        metadata: `
          annotations:
            seccomp.security.alpha.kubernetes.io/pod: docker/default  # <-
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' should set 'seccomp.security.alpha.kubernetes.io/pod' to 'runtime/default'",
        },
      ],
    },
  ],
});
