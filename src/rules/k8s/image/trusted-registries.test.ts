import { expect, it } from 'vitest';
import { pod, ruleTester, runK8sRule } from '../../../../test/support/rules.js';
import { trustedRegistries } from './trusted-registries.js';

ruleTester(trustedRegistries, {
  valid: [
    {
      name: 'passes images from the configured registries',
      code: pod({ image: 'ghcr.io/acme/app:1.4.2' }),
      options: { trustedRegistries: ['ghcr.io/acme'] },
    },
    {
      name: "passes Trivy's default registries when no list is configured",
      code: pod({ image: 'acme.azurecr.io/app:1' }),
    },
  ],
  invalid: [
    {
      name: "uses Trivy's defaults (ACR, ECR, GCR) when no list is configured",
      code: pod({
        containers: `
          - name: c0
            image: acme.azurecr.io/app:1
          - name: c1
            image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1
          - name: c2
            image: gcr.io/project/app:1
          - name: c3
            image: nginx:1.27
          - name: c4
            image: ghcr.io/acme/app:1
        `,
      }),
      errors: [
        {
          line: 14,
          message:
            "Container 'c3' of Pod 'p' uses an image from an untrusted registry: 'nginx:1.27'",
          container: 'c3',
        },
        {
          line: 16,
          message:
            "Container 'c4' of Pod 'p' uses an image from an untrusted registry: 'ghcr.io/acme/app:1'",
          container: 'c4',
        },
      ],
    },
    {
      name: 'flags the image line, in the message Trivy-style',
      code: pod({
        containers: `
          - name: c0
            image: gcr.io/project/app:1
          - name: c1
            image: quay.io/evil/app:1
        `,
      }),
      errors: [
        {
          line: 10,
          message:
            "Container 'c1' of Pod 'p' uses an image from an untrusted registry: 'quay.io/evil/app:1'",
          container: 'c1',
        },
      ],
    },
    {
      name: 'trusts a host with its subdomains, at a label boundary',
      code: pod({
        containers: `
          - name: c0
            image: registry.acme.dev/app:1
          - name: c1
            image: acme.dev/app:1
          - name: c2
            image: notacme.dev/app:1
        `,
      }),
      options: { trustedRegistries: ['acme.dev'] },
      errors: [
        {
          line: 12,
          message:
            "Container 'c2' of Pod 'p' uses an image from an untrusted registry: 'notacme.dev/app:1'",
          container: 'c2',
        },
      ],
    },
    {
      name: 'matches host globs and path globs with minimatch',
      code: pod({
        containers: `
          - name: c0
            image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1
          - name: c1
            image: ghcr.io/acme/team/app:1
          - name: c2
            image: ghcr.io/acme-evil/app:1
          - name: c3
            image: nginx:1.27
        `,
      }),
      options: {
        trustedRegistries: ['*.dkr.ecr.*.amazonaws.com', 'ghcr.io/acme/**', 'docker.io/library/*'],
      },
      errors: [
        {
          line: 12,
          message:
            "Container 'c2' of Pod 'p' uses an image from an untrusted registry: 'ghcr.io/acme-evil/app:1'",
          container: 'c2',
        },
      ],
    },
    {
      name: 'treats a path without glob characters as a prefix ending at a path segment',
      code: pod({
        containers: `
          - name: c0
            image: ghcr.io/acme/app:1
          - name: c1
            image: ghcr.io/acme-evil/app:1
        `,
      }),
      options: { trustedRegistries: ['ghcr.io/acme'] },
      errors: [
        {
          line: 10,
          message:
            "Container 'c1' of Pod 'p' uses an image from an untrusted registry: 'ghcr.io/acme-evil/app:1'",
          container: 'c1',
        },
      ],
    },
  ],
});

it('says the registry is what it is about (a Helm finding goes to the registry values line)', () => {
  const code = pod({ containers: '\n  - name: c1\n    image: quay.io/evil/app:1\n' });
  expect(runK8sRule(trustedRegistries, code)[0].part).toEqual({ start: 0, end: 7 });
});
