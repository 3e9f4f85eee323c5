import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noAmbiguousGatekeeperRepoPrefix } from './no-ambiguous-gatekeeper-repo-prefix.js';

const constraint = (
  repos: string[],
  apiVersion = 'constraints.gatekeeper.sh/v1beta1',
) => `apiVersion: ${apiVersion}
kind: K8sAllowedRepos
metadata:
  name: repos
spec:
  parameters:
    repos:
${repos.map((repo) => `      - "${repo}"`).join('\n')}
`;

describe('KSV0124 no-ambiguous-gatekeeper-repo-prefix', () => {
  it('passes entries that end a path segment', () => {
    expect(
      runK8sRule(
        noAmbiguousGatekeeperRepoPrefix,
        constraint(['gcr.io/project/', 'docker.io/acme/', 'localhost:5000']),
      ),
    ).toEqual([]);
  });

  it('flags each open-ended entry on its line', () => {
    const yaml = constraint(['gcr.io/project/', 'gcr.io', 'docker.io/acme']);
    expect(runK8sRule(noAmbiguousGatekeeperRepoPrefix, yaml).map((v) => v.path)).toEqual([
      ['spec', 'parameters', 'repos', 1],
      ['spec', 'parameters', 'repos', 2],
    ]);
    expect(violationLines(noAmbiguousGatekeeperRepoPrefix, yaml)).toEqual([9, 10]);
  });

  it('ignores other API versions', () => {
    expect(
      runK8sRule(noAmbiguousGatekeeperRepoPrefix, constraint(['gcr.io'], 'example.com/v1')),
    ).toEqual([]);
  });
});
