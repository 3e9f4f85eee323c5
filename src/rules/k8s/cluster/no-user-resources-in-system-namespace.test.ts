import { manifest, pod, ruleTester } from '../../../../test/support/rules.js';
import { noUserResourcesInSystemNamespace } from './no-user-resources-in-system-namespace.js';

ruleTester(noUserResourcesInSystemNamespace, {
  valid: [
    {
      name: 'passes control-plane static pods and other namespaces',
      code: pod({
        metadata: `
          namespace: kube-system
          labels:
            tier: control-plane
            component: kube-apiserver
        `,
        spec: 'priorityClassName: system-node-critical',
      }),
    },
    {
      name: 'passes control-plane static pods and other namespaces',
      code: pod({
        metadata: `
          namespace: app
          labels:
            tier: control-plane
            component: kube-apiserver
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'flags a resource in kube-system on its namespace line',
      code: pod({
        metadata: `
          namespace: kube-system
          labels:
            tier: control-plane
            component: kube-apiserver
        `,
      }),
      errors: [{ line: 5, message: "Pod 'p' should not be set with 'kube-system' namespace" }],
    },
    {
      name: 'flags any kind, not only pods',
      code: manifest('ConfigMap', undefined, { name: 'c', namespace: 'kube-system' }),
      errors: [
        { line: 5, message: "ConfigMap 'c' should not be set with 'kube-system' namespace" },
      ],
    },
  ],
});
