import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noHostaliases } from './no-hostaliases.js';

ruleTester(noHostaliases, {
  valid: [{ name: 'none', code: pod() }],
  invalid: [
    {
      name: 'hostAliases set',
      code: pod({
        spec: `
          hostAliases:  # <-
            - ip: 10.0.0.1
              hostnames: [db]
        `,
      }),
      errors: [{ message: "Pod 'p' should not set 'spec.template.spec.hostAliases'" }],
    },
  ],
});
