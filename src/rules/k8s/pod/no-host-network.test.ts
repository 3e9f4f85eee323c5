import { pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { noHostNetwork } from './no-host-network.js';

ruleTester(noHostNetwork, {
  valid: [
    { name: 'unset', code: pod() },
    { name: 'false', code: pod({ spec: 'hostNetwork: false' }) },
  ],
  invalid: [
    {
      name: 'true',
      code: workload('Deployment', { spec: 'hostNetwork: true  # <-' }),
      errors: [
        { message: "Deployment 'd' should not set 'spec.template.spec.hostNetwork' to true" },
      ],
    },
  ],
});
