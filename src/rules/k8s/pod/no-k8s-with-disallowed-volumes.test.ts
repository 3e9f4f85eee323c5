import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noK8sWithDisallowedVolumes } from './no-k8s-with-disallowed-volumes.js';

ruleTester(noK8sWithDisallowedVolumes, {
  valid: [
    {
      name: 'a subdirectory',
      code: pod({
        spec: `
          volumes:
            - name: a
              hostPath:
                path: /etc/app
        `,
      }),
    },
  ],
  invalid: [
    {
      name: '/etc',
      code: pod({
        spec: `
          volumes:
            - name: a
              hostPath:
                path: /etc  # <-
        `,
      }),
      errors: [{ message: "Pod 'p' shouldn't have volumes set to /etc" }],
    },
  ],
});
