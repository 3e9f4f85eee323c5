import { defineK8sRule } from '../../define.js';
import { containerViolations, describe } from '../helpers.js';
import { imagePart, parseImageReference } from '../../image-reference.js';

export const pullPolicyForMutableTags = defineK8sRule({
  meta: {
    id: 'KPG202',
    name: 'pull-policy-for-mutable-tags',
    aliases: ['image-pull-policy-always'],
    severity: 'low',
    title: "Image referenced by tag without imagePullPolicy 'Always'",
    description:
      'A container whose image is not pinned by digest must set `imagePullPolicy: Always`. Kubernetes defaults to `Always` only for `:latest` and untagged images (which KSV013 reports); for any other tag it defaults to `IfNotPresent`.',
    rationale:
      'With `IfNotPresent` a node keeps running whatever it pulled first under a tag: after the tag is pushed again, nodes disagree about what the manifest means. `Always` also makes the kubelet check pull credentials on every start, so a pod cannot reuse a private image another tenant pulled onto the node (the reason for the AlwaysPullImages admission plugin). Off by default: a digest solves the first problem without a registry round-trip, and most teams should pin digests (KPG201) rather than pull on every start.',
    fix: 'Pin by digest, or pull every time:\n\n```yaml\ncontainers:\n  - name: app\n    image: ghcr.io/acme/app:1.4.2\n    imagePullPolicy: Always\n```',
    references: [
      'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy',
      'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#alwayspullimages',
    ],
    optional: true,
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const { image, imagePullPolicy } = entry.container;
      if (typeof image !== 'string' || image === '' || imagePullPolicy === 'Always') {
        return undefined;
      }
      const reference = parseImageReference(image);
      // Untagged and :latest images default to Always; an explicit other policy is reported.
      if (reference.digest) return undefined;
      if ((!reference.tag || reference.tag === 'latest') && imagePullPolicy === undefined) {
        return undefined;
      }
      return {
        message: `${describe(resource, entry)} should set 'imagePullPolicy' to Always or pin its image by digest (image '${image}')`,
        path:
          imagePullPolicy === undefined
            ? [...entry.path, 'image']
            : [...entry.path, 'imagePullPolicy'],
        part: imagePullPolicy === undefined ? imagePart(image, 'tag') : undefined,
      };
    }),
});
