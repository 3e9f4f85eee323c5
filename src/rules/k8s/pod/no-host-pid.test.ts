import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noHostPid } from './no-host-pid.js';

ruleTester(noHostPid, {
  valid: [{ name: 'unset', code: pod() }],
  invalid: [
    {
      name: 'true',
      code: pod({ spec: 'hostPID: true  # <-' }),
      errors: [{ message: "Pod 'p' should not set 'spec.hostPID' to true" }],
    },
  ],
});
