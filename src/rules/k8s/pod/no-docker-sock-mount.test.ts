import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noDockerSockMount } from './no-docker-sock-mount.js';

ruleTester(noDockerSockMount, {
  valid: [
    {
      name: 'another hostPath',
      code: pod({
        spec: `
          volumes:
            - name: logs
              hostPath:
                path: /var/log
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'docker.sock',
      code: pod({
        spec: `
          volumes:
            - name: sock
              hostPath:
                path: /var/run/docker.sock  # <-
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' should not specify '/var/run/docker.sock' in 'spec.template.volumes.hostPath.path'",
        },
      ],
    },
  ],
});
