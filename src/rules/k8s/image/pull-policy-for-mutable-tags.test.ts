import { expect, it } from 'vitest';
import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pullPolicyForMutableTags } from './pull-policy-for-mutable-tags.js';

ruleTester(pullPolicyForMutableTags, {
  valid: [
    {
      name: 'passes a tag pulled Always',
      code: pod({
        image: 'ghcr.io/acme/app:1.4.2',
        container: `
            imagePullPolicy: Always
        `,
      }),
    },
    {
      name: 'passes a digest',
      code: pod({
        image:
          'ghcr.io/acme/app@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb',
        container: `
            imagePullPolicy: IfNotPresent
        `,
      }),
    },
    {
      name: 'passes an untagged image left at its default (Always)',
      code: pod({ image: 'nginx' }),
    },
  ],
  invalid: [
    {
      name: 'flags a tag left at its default (IfNotPresent) on the image line',
      code: pod({ image: 'ghcr.io/acme/app:1.4.2' }),
      errors: [
        {
          line: 8,
          message:
            "Container 'app' of Pod 'p' should set 'imagePullPolicy' to Always or pin its image by digest (image 'ghcr.io/acme/app:1.4.2')",
          container: 'app',
        },
      ],
    },
    {
      name: 'flags an explicit IfNotPresent on :latest on the policy line',
      code: pod({
        image: 'nginx:latest',
        container: `
            imagePullPolicy: IfNotPresent
        `,
      }),
      errors: [
        {
          line: 9,
          message:
            "Container 'app' of Pod 'p' should set 'imagePullPolicy' to Always or pin its image by digest (image 'nginx:latest')",
          container: 'app',
        },
      ],
    },
  ],
});

it('is off by default (no generated pack enables it)', () => {
  expect(pullPolicyForMutableTags.meta.optional).toBe(true);
});
