import { ruleTester, workload } from '../../../../test/support/rules.js';
import { noTiller } from './no-tiller.js';

ruleTester(noTiller, {
  valid: [
    {
      name: 'an ordinary deployment',
      code: workload('Deployment', {
        podMetadata: `
          labels:
            app: web
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'tiller image',
      code: workload('Deployment', {
        containers: `
          - name: tiller
            image: ghcr.io/helm/tiller:v2.17.0  # <-
        `,
      }),
      errors: [{ message: "Container 'tiller' of Deployment 'd' shouldn't have tiller deployed" }],
    },
    {
      name: 'app: helm label on the template',
      code: `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:  # <-
      labels:
        app: helm
    spec:
      containers:
        - name: app
          image: nginx:1.27
`,
      errors: [{ message: "Deployment 'd' shouldn't have tiller deployed" }],
    },
  ],
});
