import { pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { noMountedHostpath } from './no-mounted-hostpath.js';

ruleTester(noMountedHostpath, {
  valid: [
    {
      name: 'emptyDir',
      code: pod({
        spec: `
          volumes:
            - name: tmp
              emptyDir: {}
        `,
      }),
    },
    {
      name: 'hostPath: null (unset, as the API reads it)',
      code: pod({
        spec: `
          volumes:
            - name: tmp
              hostPath: null
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'hostPath',
      code: workload('Deployment', {
        spec: `
          volumes:
            - name: data
              hostPath:  # <-
                path: /data
        `,
      }),
      errors: [{ message: "Deployment 'd' should not set 'spec.template.volumes.hostPath'" }],
    },
  ],
});
