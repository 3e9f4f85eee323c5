import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noPrivilegePortBinding } from './no-privilege-port-binding.js';

ruleTester(noPrivilegePortBinding, {
  valid: [
    {
      name: '8080',
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
      name: '80',
      code: pod({
        container: `
          ports:
            - containerPort: 8080
            - containerPort: 80  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should not set 'ports[*].containerPort' to less than 1024",
        },
      ],
    },
  ],
});
