import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssVolumeTypes } from './pss-volume-types.js';

ruleTester(pssVolumeTypes, {
  valid: [
    {
      name: 'allowed sources and a volume without source',
      code: pod({
        spec: `
          volumes:
            - name: a
            - name: b
              emptyDir: {}
            - name: c
              image:
                reference: registry.example/data:1
            - name: d
              projected:
                sources: []
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'hostPath',
      code: pod({
        spec: `
          volumes:
            - name: a
              hostPath:  # <-
                path: /data
        `,
      }),
      errors: [{ message: "Pod 'p' must not use volume type 'hostPath' (volume 'a')" }],
    },
    {
      name: 'cephfs',
      code: pod({
        spec: `
          volumes:
            - name: a
              cephfs:  # <-
                monitors: [m]
        `,
      }),
      errors: [{ message: "Pod 'p' must not use volume type 'cephfs' (volume 'a')" }],
    },
  ],
});
