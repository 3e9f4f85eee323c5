import { ruleTester } from '../../../../test/support/rules.js';
import { noAmbiguousGatekeeperRepoPrefix } from './no-ambiguous-gatekeeper-repo-prefix.js';

ruleTester(noAmbiguousGatekeeperRepoPrefix, {
  valid: [
    {
      name: 'passes entries that end a path segment',
      code: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: repos
spec:
  parameters:
    repos:
      - "gcr.io/project/"
      - "docker.io/acme/"
      - "localhost:5000"
`,
    },
    {
      name: 'ignores other API versions',
      code: `apiVersion: example.com/v1
kind: K8sAllowedRepos
metadata:
  name: repos
spec:
  parameters:
    repos:
      - "gcr.io"
`,
    },
  ],
  invalid: [
    {
      name: 'flags each open-ended entry on its line',
      code: `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sAllowedRepos
metadata:
  name: repos
spec:
  parameters:
    repos:
      - "gcr.io/project/"
      - "gcr.io"
      - "docker.io/acme"
`,
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
