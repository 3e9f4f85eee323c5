import { POD_CONTAINER_LINE, pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { noPrivilegeEscalation } from './no-privilege-escalation.js';

ruleTester(noPrivilegeEscalation, {
  valid: [
    {
      name: 'false',
      code: pod({
        container: `
          securityContext:
            allowPrivilegeEscalation: false
        `,
      }),
    },
    {
      name: 'a Windows pod that sets false',
      code: pod({
        spec: `
          os:
            name: windows
        `,
        container: `
          securityContext:
            allowPrivilegeEscalation: false
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unset, on the container',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
    {
      name: 'true, on the field',
      code: pod({
        container: `
          securityContext:
            allowPrivilegeEscalation: true  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
    {
      name: 'unset in a Windows pod (Trivy does not exempt it)',
      code: pod({
        spec: `
          os:
            name: windows
        `,
        containers: `
          - name: app  # <-
            image: nginx:1.27
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
    {
      name: 'in a Deployment template',
      code: workload('Deployment', {
        containers: `
          - name: app  # <-
            image: nginx:1.27
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Deployment 'd' should set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
  ],
});
