import { expect, it } from 'vitest';
import { pod, ruleTester } from '../../../../test/support/rules.js';
import { requireImageDigest } from './require-image-digest.js';

ruleTester(requireImageDigest, {
  valid: [
    {
      name: 'passes ghcr.io/acme/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      code: pod({
        image:
          'ghcr.io/acme/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      }),
    },
    {
      name: 'passes ghcr.io/acme/app:1.4.2@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      code: pod({
        image:
          'ghcr.io/acme/app:1.4.2@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      }),
    },
  ],
  invalid: [
    {
      name: 'flags ghcr.io/acme/app:1.4.2 on the image line',
      code: pod({ image: 'ghcr.io/acme/app:1.4.2' }),
      errors: [
        {
          line: 8,
          message:
            "Container 'app' of Pod 'p' should pin its image by digest (image 'ghcr.io/acme/app:1.4.2')",
          container: 'app',
        },
      ],
    },
    {
      name: 'flags nginx on the image line',
      code: pod({ image: 'nginx' }),
      errors: [
        {
          line: 8,
          message: "Container 'app' of Pod 'p' should pin its image by digest (image 'nginx')",
          container: 'app',
        },
      ],
    },
    {
      name: 'flags localhost:5000/app on the image line',
      code: pod({ image: 'localhost:5000/app' }),
      errors: [
        {
          line: 8,
          message:
            "Container 'app' of Pod 'p' should pin its image by digest (image 'localhost:5000/app')",
          container: 'app',
        },
      ],
    },
  ],
});

it('is off by default (no generated pack enables it)', () => {
  expect(requireImageDigest.meta.optional).toBe(true);
});
