import { defineK8sRule } from '../../define.js';
import { containerViolations, describe } from '../helpers.js';
import { imagePart, parseImageReference } from '../../image-reference.js';

export const noLatestTag = defineK8sRule({
  meta: {
    id: 'KSV013',
    name: 'no-latest-tag',
    trivyId: 'kubernetes-use-specific-tags',
    severity: 'medium',
    title: 'Image tag ":latest" used',
    description:
      'Every container image must name a specific tag other than `latest`, or a digest. An image with no tag means `latest`.',
    rationale:
      'A mutable tag makes a rollout unrepeatable: two nodes can run different code under the same manifest, and a rollback may not roll anything back.',
    fix: '```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2   # or ghcr.io/acme/app@sha256:...\n```',
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const image = entry.container.image;
      if (typeof image !== 'string' || image === '') return undefined;
      const reference = parseImageReference(image);
      if (reference.digest) return undefined;
      if (reference.tag && reference.tag !== 'latest') return undefined;
      return {
        message: `${describe(resource, entry)} should specify an image tag other than 'latest' (image '${image}')`,
        path: [...entry.path, 'image'],
        part: imagePart(image, 'tag'),
      };
    }),
});
