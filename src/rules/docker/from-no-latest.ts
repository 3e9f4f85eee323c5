import { defineDockerRule } from '../define.js';
import { parseImageReference } from '../image-reference.js';
import { at } from './helpers.js';

export const fromNoLatest = defineDockerRule({
  meta: {
    id: 'DL3007',
    name: 'from-no-latest',
    severity: 'medium',
    title: 'Using latest is prone to errors',
    description: '`FROM` must not use the `latest` tag (a pinned digest beside it is fine).',
    rationale:
      '`latest` moves whenever the image is republished, so the same Dockerfile builds different images over time.',
    fix: '```dockerfile\nFROM node:22.11-alpine\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      .filter(({ image }) => {
        const reference = parseImageReference(image);
        return reference.tag === 'latest' && !reference.digest;
      })
      .map((stage) =>
        at(
          stage.from,
          'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
        ),
      ),
});
