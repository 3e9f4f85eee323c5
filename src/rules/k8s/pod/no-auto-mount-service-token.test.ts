import { pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { noAutoMountServiceToken } from './no-auto-mount-service-token.js';

ruleTester(noAutoMountServiceToken, {
  valid: [
    {
      name: 'false',
      code: pod({
        spec: 'automountServiceAccountToken: false',
        container: `
          volumeMounts:
            - name: token
              mountPath: /var/run/secrets/kubernetes.io/serviceaccount
        `,
      }),
    },
    { name: 'unset and the token path not mounted (the default is not flagged)', code: pod() },
  ],
  invalid: [
    {
      name: 'true',
      code: workload('Deployment', { spec: 'automountServiceAccountToken: true  # <-' }),
      errors: [
        {
          message:
            "Container of Deployment 'd' should set 'spec.automountServiceAccountToken' to false",
        },
      ],
    },
    {
      name: 'unset with the token path mounted',
      code: pod({
        container: `
          volumeMounts:
            - name: token
              mountPath: /var/run/secrets/kubernetes.io/serviceaccount  # <-
        `,
      }),
      errors: [
        { message: "Container of Pod 'p' should set 'spec.automountServiceAccountToken' to false" },
      ],
    },
  ],
});
