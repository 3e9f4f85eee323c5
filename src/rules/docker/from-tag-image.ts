import { defineDockerRule } from '../define.js';
import { parseImageReference } from '../image-reference.js';
import { at, isStageName } from './helpers.js';

export const fromTagImage = defineDockerRule({
  meta: {
    id: 'DL3006',
    name: 'from-tag-image',
    severity: 'medium',
    title: 'Always tag the version of an image explicitly',
    description:
      '`FROM` must name a tag or digest, unless it is `scratch`, a variable or an earlier stage.',
    rationale:
      'Without a tag Docker pulls `latest`, which changes under you: builds stop being reproducible and can break without any change to the Dockerfile.',
    fix: '```dockerfile\nFROM debian:12.7-slim\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      .filter(({ image, index }) => {
        if (!image || image === 'scratch' || image.includes('$')) return false;
        if (isStageName(image, dockerfile, index)) return false;
        const reference = parseImageReference(image);
        return reference.tag === undefined && reference.digest === undefined;
      })
      .map((stage) =>
        at(stage.from, `Always tag the version of an image explicitly: ${stage.image}`),
      ),
});
