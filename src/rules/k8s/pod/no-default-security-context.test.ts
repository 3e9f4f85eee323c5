import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noDefaultSecurityContext } from './no-default-security-context.js';

ruleTester(noDefaultSecurityContext, {
  valid: [
    {
      name: 'both set',
      code: pod({
        spec: `
          securityContext:
            fsGroup: 1000
        `,
        container: `
          securityContext:
            allowPrivilegeEscalation: false
        `,
      }),
    },
    {
      name: 'container inherits a pod field',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 1000
        `,
        container: 'securityContext: {}',
      }),
    },
  ],
  invalid: [
    {
      name: 'neither set',
      code: `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:  # <-
  containers:
    - name: app  # <-
      image: nginx:1.27
`,
      errors: [
        { message: "Pod 'p' is using the default security context, which allows root privileges" },
        { message: "Container 'app' of Pod 'p' is using the default security context" },
      ],
    },
    {
      name: 'empty pod securityContext',
      code: pod({
        spec: 'securityContext: {}  # <-',
        container: `
          securityContext:
            readOnlyRootFilesystem: true
        `,
      }),
      errors: [
        { message: "Pod 'p' is using the default security context, which allows root privileges" },
      ],
    },
  ],
});
