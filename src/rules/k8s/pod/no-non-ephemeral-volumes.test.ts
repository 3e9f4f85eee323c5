import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noNonEphemeralVolumes } from './no-non-ephemeral-volumes.js';

ruleTester(noNonEphemeralVolumes, {
  valid: [
    {
      name: 'core volumes',
      code: pod({
        spec: `
          volumes:
            - name: a
              emptyDir: {}
            - name: b
              persistentVolumeClaim:
                claimName: data
            - name: c
        `,
      }),
    },
    {
      name: 'hostPath (KSV023 covers it)',
      code: pod({
        spec: `
          volumes:
            - name: a
              hostPath:
                path: /data
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'nfs',
      code: pod({
        spec: `
          volumes:
            - name: a
              nfs:  # <-
                server: nfs.example
                path: /export
        `,
      }),
      errors: [{ message: "Pod 'p' should set 'spec.volumes[*]' to an allowed volume type" }],
    },
  ],
});
