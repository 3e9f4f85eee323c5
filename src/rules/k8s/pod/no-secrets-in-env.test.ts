import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noSecretsInEnv } from './no-secrets-in-env.js';

ruleTester(noSecretsInEnv, {
  valid: [
    {
      name: 'secret volume and configMap env',
      code: pod({
        container: `
          env:
            - name: MODE
              valueFrom:
                configMapKeyRef:
                  name: cfg
                  key: mode
          envFrom:
            - configMapRef:
                name: cfg
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'secretKeyRef and envFrom secretRef',
      code: pod({
        container: `
          env:
            - name: PLAIN
              value: x
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:  # <-
                  name: db
                  key: password
          envFrom:
            - secretRef:  # <-
                name: api-keys
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should mount Secret 'db' as a volume instead of reading it into environment variable 'DB_PASSWORD'",
        },
        {
          message:
            "Container 'app' of Pod 'p' should mount Secret 'api-keys' as a volume instead of 'envFrom'",
        },
      ],
    },
  ],
});
