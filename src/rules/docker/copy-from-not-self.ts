import { defineDockerRule } from '../define.js';
import { at, flagValue } from './helpers.js';

export const copyFromNotSelf = defineDockerRule({
  meta: {
    id: 'DL3023',
    name: 'copy-from-not-self',
    severity: 'high',
    title: 'COPY --from cannot reference its own FROM alias',
    description: '`COPY --from=` must not name the stage it is in.',
    rationale: 'A stage cannot copy from itself: the build fails.',
    fix: 'Copy from the stage that produced the files:\n\n```dockerfile\nFROM node:22 AS build\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'COPY' && instruction.stage >= 0)
      .filter((instruction) => {
        const from = flagValue(instruction, 'from')?.toLowerCase();
        return from !== undefined && from === dockerfile.stages[instruction.stage].alias;
      })
      .map((instruction) => at(instruction, '`COPY --from` cannot reference its own `FROM` alias')),
});
