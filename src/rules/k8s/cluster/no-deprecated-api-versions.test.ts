import { ruleTester } from '../../../../test/support/rules.js';
import { noDeprecatedApiVersions } from './no-deprecated-api-versions.js';

ruleTester(noDeprecatedApiVersions, {
  valid: [
    {
      name: 'passes apps/v1 Deployment',
      code: `kind: Deployment
apiVersion: apps/v1
metadata:
  name: x
`,
    },
    {
      name: 'passes policy/v1 PodDisruptionBudget',
      code: `kind: PodDisruptionBudget
apiVersion: policy/v1
metadata:
  name: x
`,
    },
    {
      name: 'passes extensions/v1beta1 SomethingElse',
      code: `kind: SomethingElse
apiVersion: extensions/v1beta1
metadata:
  name: x
`,
    },
    {
      name: 'passes constructor Deployment',
      code: `kind: Deployment
apiVersion: constructor
metadata:
  name: x
`,
    },
  ],
  invalid: [
    {
      name: 'flags extensions/v1beta1 Deployment on apiVersion',
      code: `kind: Deployment
apiVersion: extensions/v1beta1
metadata:
  name: x
`,
      errors: [
        {
          line: 2,
          message:
            "apiVersion 'extensions/v1beta1' and kind 'Deployment' should be replaced with the new API 'apps/v1' (removed in Kubernetes 1.16)",
        },
      ],
    },
    {
      name: 'flags networking.k8s.io/v1beta1 Ingress on apiVersion',
      code: `kind: Ingress
apiVersion: networking.k8s.io/v1beta1
metadata:
  name: x
`,
      errors: [
        {
          line: 2,
          message:
            "apiVersion 'networking.k8s.io/v1beta1' and kind 'Ingress' should be replaced with the new API 'networking.k8s.io/v1' (removed in Kubernetes 1.22)",
        },
      ],
    },
    {
      name: 'flags policy/v1beta1 PodDisruptionBudget on apiVersion',
      code: `kind: PodDisruptionBudget
apiVersion: policy/v1beta1
metadata:
  name: x
`,
      errors: [
        {
          line: 2,
          message:
            "apiVersion 'policy/v1beta1' and kind 'PodDisruptionBudget' should be replaced with the new API 'policy/v1' (removed in Kubernetes 1.25)",
        },
      ],
    },
    {
      name: 'flags batch/v1beta1 CronJob on apiVersion',
      code: `kind: CronJob
apiVersion: batch/v1beta1
metadata:
  name: x
`,
      errors: [
        {
          line: 2,
          message:
            "apiVersion 'batch/v1beta1' and kind 'CronJob' should be replaced with the new API 'batch/v1' (removed in Kubernetes 1.25)",
        },
      ],
    },
    {
      name: 'flags autoscaling/v2beta2 HorizontalPodAutoscaler on apiVersion',
      code: `kind: HorizontalPodAutoscaler
apiVersion: autoscaling/v2beta2
metadata:
  name: x
`,
      errors: [
        {
          line: 2,
          message:
            "apiVersion 'autoscaling/v2beta2' and kind 'HorizontalPodAutoscaler' should be replaced with the new API 'autoscaling/v2' (removed in Kubernetes 1.26)",
        },
      ],
    },
  ],
});
