import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssHostPorts } from './pss-host-ports.js';

ruleTester(pssHostPorts, {
  valid: [
    {
      name: 'hostPort 0',
      code: pod({
        container: `
          ports:
            - containerPort: 80
              hostPort: 0
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'hostPort',
      code: pod({
        container: `
          ports:
            - containerPort: 80
              hostPort: 8080  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' must not set 'ports[*].hostPort'" }],
    },
  ],
});
