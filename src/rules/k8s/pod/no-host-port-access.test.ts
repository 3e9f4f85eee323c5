import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noHostPortAccess } from './no-host-port-access.js';

ruleTester(noHostPortAccess, {
  valid: [
    {
      name: 'containerPort only',
      code: pod({
        container: `
          ports:
            - containerPort: 8080
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
            - containerPort: 8080
              hostPort: 8080  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should not set host ports, 'ports[*].hostPort'" },
      ],
    },
    {
      name: 'hostPort 0 (Trivy flags it)',
      code: pod({
        container: `
          ports:
            - containerPort: 8080
              hostPort: 0  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should not set host ports, 'ports[*].hostPort'" },
      ],
    },
  ],
});
