import { defineDockerRule } from '../define.js';
import type { DockerInstruction } from '../../sources/dockerfile.js';
import { at } from './helpers.js';

const ROOT = /^(root|0)(:.*)?$/;

export const lastUserNotRoot = defineDockerRule({
  meta: {
    id: 'DL3002',
    name: 'last-user-not-root',
    severity: 'medium',
    title: 'Last user should not be root',
    description: 'The last `USER` of a build stage must not be `root` (or UID 0).',
    rationale:
      'The container runs as the last user set: as root, a compromise of the process is a compromise of everything in the container and a step closer to the host.',
    fix: '```dockerfile\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10\nUSER 10001\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages.flatMap((stage) => {
      const users = stage.instructions.filter((i: DockerInstruction) => i.keyword === 'USER');
      const last = users.at(-1);
      return last && ROOT.test(last.words[0] ?? '')
        ? [at(last, 'Last USER should not be root')]
        : [];
    }),
});
