import { pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { useDefaultApparmorProfile } from './use-default-apparmor-profile.js';

ruleTester(useDefaultApparmorProfile, {
  valid: [
    { name: 'no annotation', code: pod() },
    {
      name: 'runtime/default',
      code: pod({
        metadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: runtime/default
        `,
      }),
    },
    {
      name: 'annotation for another container name',
      code: pod({
        metadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/other: unconfined
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unconfined',
      code: pod({
        metadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: unconfined  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should specify an AppArmor profile" }],
    },
    {
      name: 'a localhost profile (Trivy flags it)',
      code: workload('Deployment', {
        podMetadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: localhost/custom  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Deployment 'd' should specify an AppArmor profile" }],
    },
  ],
});
