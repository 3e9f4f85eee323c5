import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildValidTrigger = defineDockerRule({
  meta: {
    id: 'DL3043',
    name: 'onbuild-valid-trigger',
    severity: 'high',
    title: 'ONBUILD, FROM or MAINTAINER triggered from within ONBUILD instruction',
    description: '`ONBUILD` must not trigger `ONBUILD`, `FROM` or `MAINTAINER`.',
    rationale: 'Docker rejects these triggers; the image builds, and breaks whoever builds on it.',
    fix: '```dockerfile\nONBUILD COPY . /app/src\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.trigger && FORBIDDEN.has(instruction.trigger.keyword))
      .map((instruction) =>
        at(
          instruction,
          '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
        ),
      ),
});
