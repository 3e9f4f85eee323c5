import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssHostProbesLifecycle } from './pss-host-probes-lifecycle.js';

ruleTester(pssHostProbesLifecycle, {
  valid: [
    {
      name: 'probes without host',
      code: pod({
        container: `
          livenessProbe:
            httpGet:
              port: 8080
          readinessProbe:
            tcpSocket:
              port: 8080
              host: ''
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'httpGet host on a probe',
      code: pod({
        container: `
          startupProbe:
            httpGet:
              host: 127.0.0.1  # <-
              port: 8080
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' must not set 'startupProbe.httpGet.host'" }],
    },
    {
      name: 'tcpSocket host on a preStop hook',
      code: pod({
        container: `
          lifecycle:
            preStop:
              tcpSocket:
                host: metadata.internal  # <-
                port: 80
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' must not set 'lifecycle.preStop.tcpSocket.host'" },
      ],
    },
  ],
});
