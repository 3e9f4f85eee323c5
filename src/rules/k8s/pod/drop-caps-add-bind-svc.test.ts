import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { dropCapsAddBindSvc } from './drop-caps-add-bind-svc.js';

ruleTester(dropCapsAddBindSvc, {
  valid: [
    {
      name: 'drop ALL',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
        `,
      }),
    },
    {
      name: 'drop all (any case), add NET_BIND_SERVICE',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [all]
              add: [NET_BIND_SERVICE]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'no drop',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message: "Container 'app' of Pod 'p' should drop all capabilities",
        },
      ],
    },
    {
      name: 'drop ALL, add another',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
              add:
                - NET_BIND_SERVICE
                - CHOWN  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should not add capability 'CHOWN'" }],
    },
  ],
});
