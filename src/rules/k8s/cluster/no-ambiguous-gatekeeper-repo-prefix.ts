import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { getIn } from '../../../sources/resource.js';

/** A prefix that also matches other registries or organisations: `gcr.io` matches
 *  `gcr.io.evil.example`, `docker.io/acme` matches `docker.io/acme-attacker`. */
function isOpenEnded(repo: string): boolean {
  if (!repo.includes('/') && !repo.includes(':')) return true;
  const parts = repo.split('/');
  return parts[0] === 'docker.io' && parts.length <= 2;
}

export const noAmbiguousGatekeeperRepoPrefix = defineK8sRule({
  meta: {
    id: 'KSV0124',
    name: 'no-ambiguous-gatekeeper-repo-prefix',
    trivyId: 'kubernetes-repo-ambiguous-prefix',
    severity: 'high',
    title: 'Gatekeeper repo reference is ambiguously open-ended',
    description:
      'In a Gatekeeper `K8sAllowedRepos` constraint (`constraints.gatekeeper.sh/v1beta1`), no entry of `spec.parameters.repos` may be an open-ended prefix: a bare host without `/` or `:` (`gcr.io`), or a Docker Hub organisation without a trailing slash (`docker.io/acme`).',
    rationale:
      'Gatekeeper matches these entries as string prefixes: `gcr.io` also allows `gcr.io.attacker.example/...`, and `docker.io/acme` allows `docker.io/acme-evil/...`.',
    fix: 'End every entry with a slash:\n\n```yaml\nspec:\n  parameters:\n    repos:\n      - gcr.io/my-project/\n      - docker.io/acme/\n```',
    references: [
      'https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/',
    ],
  },
  kinds: ['K8sAllowedRepos'],
  check: (resource) => {
    if (resource.ref.apiVersion !== 'constraints.gatekeeper.sh/v1beta1') return [];
    const repos = getIn(resource.object, ['spec', 'parameters', 'repos']);
    if (!Array.isArray(repos)) return [];
    const violations: K8sViolation[] = [];
    repos.forEach((repo, index) => {
      if (typeof repo === 'string' && isOpenEnded(repo)) {
        violations.push({
          message: `K8sAllowedRepos '${resource.ref.name}' has an open-ended repository reference in prefix match: '${repo}'`,
          path: ['spec', 'parameters', 'repos', index],
        });
      }
    });
    return violations;
  },
});
