import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noSharedIpcNamespace } from './no-shared-ipc-namespace.js';

ruleTester(noSharedIpcNamespace, {
  valid: [
    { name: 'false', code: pod({ spec: 'hostIPC: false' }) },
    { name: 'unset', code: pod() },
  ],
  invalid: [
    {
      name: 'true',
      code: pod({ spec: 'hostIPC: true  # <-' }),
      errors: [{ message: "Pod 'p' should not set 'spec.hostIPC' to true" }],
    },
  ],
});
