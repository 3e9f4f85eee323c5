import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

export const noMaintainer = defineDockerRule({
  meta: {
    id: 'DL4000',
    name: 'no-maintainer',
    severity: 'high',
    title: 'MAINTAINER is deprecated',
    description: '`MAINTAINER` should be replaced by a label.',
    rationale: 'Docker deprecated `MAINTAINER`; tools read the maintainer from labels.',
    fix: '```dockerfile\nLABEL org.opencontainers.image.authors="team@example.com"\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'MAINTAINER')
      .map((instruction) => at(instruction, 'MAINTAINER is deprecated')),
});
