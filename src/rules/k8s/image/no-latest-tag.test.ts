import { expect, it } from 'vitest';
import { pod, ruleTester, runK8sRule } from '../../../../test/support/rules.js';
import { noLatestTag } from './no-latest-tag.js';

ruleTester(noLatestTag, {
  valid: [
    { name: 'passes nginx:1.27', code: pod() },
    {
      name: 'passes localhost:5000/app:2',
      code: pod({ image: 'localhost:5000/app:2' }),
    },
    {
      name: 'passes nginx@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      code: pod({
        image: 'nginx@sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc',
      }),
    },
  ],
  invalid: [
    {
      name: 'flags nginx on the image line',
      code: pod({ image: 'nginx' }),
      errors: [
        {
          line: 8,
          message:
            "Container 'app' of Pod 'p' should specify an image tag other than 'latest' (image 'nginx')",
          container: 'app',
        },
      ],
    },
    {
      name: 'flags nginx:latest on the image line',
      code: pod({ image: 'nginx:latest' }),
      errors: [
        {
          line: 8,
          message:
            "Container 'app' of Pod 'p' should specify an image tag other than 'latest' (image 'nginx:latest')",
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
            "Container 'app' of Pod 'p' should specify an image tag other than 'latest' (image 'localhost:5000/app')",
          container: 'app',
        },
      ],
    },
  ],
});

it('says the tag is what it is about (a Helm finding goes to the tag: values line)', () => {
  const code = pod({ containers: '\n  - name: app\n    image: quay.io/acme/app:latest\n' });
  expect(runK8sRule(noLatestTag, code)[0].part).toEqual({ start: 17, end: 23 });
});
