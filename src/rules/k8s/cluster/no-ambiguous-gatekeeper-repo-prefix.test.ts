import { manifest, ruleTester } from '../../../../test/support/rules.js';
import { noAmbiguousGatekeeperRepoPrefix } from './no-ambiguous-gatekeeper-repo-prefix.js';

ruleTester(noAmbiguousGatekeeperRepoPrefix, {
  valid: [
    {
      name: 'passes entries that end a path segment',
      code: manifest(
        'K8sAllowedRepos',
        `
        spec:
          parameters:
            repos:
              - "gcr.io/project/"
              - "docker.io/acme/"
              - "localhost:5000"
      `,
        { name: 'repos' },
      ),
    },
    {
      name: 'ignores other API versions',
      code: manifest(
        'K8sAllowedRepos',
        `
        spec:
          parameters:
            repos:
              - "gcr.io"
      `,
        { apiVersion: 'example.com/v1', name: 'repos' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags each open-ended entry on its line',
      code: manifest(
        'K8sAllowedRepos',
        `
        spec:
          parameters:
            repos:
              - "gcr.io/project/"
              - "gcr.io"
              - "docker.io/acme"
      `,
        { name: 'repos' },
      ),
      errors: [
        {
          line: 9,
          message:
            "K8sAllowedRepos 'repos' has an open-ended repository reference in prefix match: 'gcr.io'",
        },
        {
          line: 10,
          message:
            "K8sAllowedRepos 'repos' has an open-ended repository reference in prefix match: 'docker.io/acme'",
        },
      ],
    },
  ],
});
