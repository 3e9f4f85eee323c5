import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { trustedRegistries } from './trusted-registries.js';

const pod = (...images: string[]) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
${images.map((image, i) => `    - name: c${i}\n      image: ${image}`).join('\n')}
`;

const imagesFound = (yaml: string, trusted?: string[]) =>
  runK8sRule(trustedRegistries, yaml, trusted ? { trustedRegistries: trusted } : undefined).map(
    (v) => v.container,
  );

describe('KSV0125 trusted-image-registries', () => {
  it("uses Trivy's defaults (ACR, ECR, GCR) when no list is configured", () => {
    const yaml = pod(
      'acme.azurecr.io/app:1',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1',
      'gcr.io/project/app:1',
      'nginx:1.27',
      'ghcr.io/acme/app:1',
    );
    expect(imagesFound(yaml)).toEqual(['c3', 'c4']);
  });

  it('flags the image line, in the message Trivy-style', () => {
    const yaml = pod('gcr.io/project/app:1', 'quay.io/evil/app:1');
    expect(runK8sRule(trustedRegistries, yaml)[0].message).toBe(
      "Container 'c1' of Pod 'p' uses an image from an untrusted registry: 'quay.io/evil/app:1'",
    );
    expect(violationLines(trustedRegistries, yaml)).toEqual([10]);
    // About the registry: a Helm finding goes to the values line that supplied `quay.io`.
    expect(runK8sRule(trustedRegistries, yaml)[0].part).toEqual({ start: 0, end: 7 });
  });

  it('trusts a host with its subdomains, at a label boundary', () => {
    const yaml = pod('registry.acme.dev/app:1', 'acme.dev/app:1', 'notacme.dev/app:1');
    expect(imagesFound(yaml, ['acme.dev'])).toEqual(['c2']);
  });

  it('matches host globs and path globs with minimatch', () => {
    const yaml = pod(
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1',
      'ghcr.io/acme/team/app:1',
      'ghcr.io/acme-evil/app:1',
      'nginx:1.27',
    );
    expect(
      imagesFound(yaml, ['*.dkr.ecr.*.amazonaws.com', 'ghcr.io/acme/**', 'docker.io/library/*']),
    ).toEqual(['c2']);
  });

  it('treats a path without glob characters as a prefix ending at a path segment', () => {
    const yaml = pod('ghcr.io/acme/app:1', 'ghcr.io/acme-evil/app:1');
    expect(imagesFound(yaml, ['ghcr.io/acme'])).toEqual(['c1']);
  });
});
