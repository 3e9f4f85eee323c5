import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noPrivilegedContainers } from './no-privileged-containers.js';

ruleTester(noPrivilegedContainers, {
  valid: [
    { name: 'passes when privileged is unset', code: pod() },
    {
      name: 'passes when privileged is false',
      code: pod({
        container: `
          securityContext:
            privileged: false
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'flags privileged: true on the field line',
      code: pod({
        container: `
          securityContext:
            privileged: true
        `,
      }),
      errors: [
        {
          line: 10,
          message: "Container 'app' of Pod 'p' should set 'securityContext.privileged' to false",
          container: 'app',
        },
      ],
    },
    {
      name: 'visits init and ephemeral containers of every workload kind',
      code: `
apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              securityContext: { privileged: true }
          containers:
            - name: app
          ephemeralContainers:
            - name: debug
              securityContext: { privileged: true }
`,
      errors: [
        {
          line: 12,
          message:
            "Init container 'init' of CronJob 'c' should set 'securityContext.privileged' to false",
          container: 'init',
        },
        {
          line: 17,
          message:
            "Ephemeral container 'debug' of CronJob 'c' should set 'securityContext.privileged' to false",
          container: 'debug',
        },
      ],
    },
  ],
});
