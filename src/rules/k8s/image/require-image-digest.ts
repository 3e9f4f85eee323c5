import { defineK8sRule } from '../../define.js';
import { containerViolations, describe } from '../helpers.js';
import { imagePart, parseImageReference } from '../../image-reference.js';

export const requireImageDigest = defineK8sRule({
  meta: {
    id: 'KPG201',
    name: 'require-image-digest',
    aliases: ['image-digest'],
    severity: 'low',
    title: 'Image not pinned by digest',
    description:
      'Every container image must be pinned by digest (`image: registry/app@sha256:...`, optionally with a tag for readers).',
    rationale:
      'A tag, even a versioned one, can be pushed again; only a digest names exactly one image, so what was reviewed is what runs, on every node and after every reschedule. Off by default: pinning needs tooling (Renovate, Dependabot, a release pipeline) to keep digests current, and without it the rule only produces noise. Enable it where that tooling exists.',
    fix: '```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2@sha256:0b1c...   # tag for humans, digest for the kubelet\n```',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-names',
      'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
    ],
    optional: true,
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const image = entry.container.image;
      if (typeof image !== 'string' || image === '') return undefined;
      if (parseImageReference(image).digest) return undefined;
      return {
        message: `${describe(resource, entry)} should pin its image by digest (image '${image}')`,
        path: [...entry.path, 'image'],
        // A digest is pinned where the tag is (`app:1.4.2@sha256:...`).
        part: imagePart(image, 'tag'),
      };
    }),
});
