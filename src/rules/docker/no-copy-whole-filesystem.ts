import { defineDockerRule } from '../define.js';
import { argsOf, at, flagValue, instructionsOf } from './helpers.js';

export const noCopyWholeFilesystem = defineDockerRule({
  meta: {
    id: 'DL3067',
    name: 'no-copy-whole-filesystem',
    severity: 'medium',
    title: 'Do not copy an entire filesystem from another stage',
    description:
      "`COPY --from=stage / /` copies everything, including the other stage's build tools.",
    rationale:
      'The point of a multi-stage build is a small final image; copying the root filesystem brings back what the stages were meant to leave behind.',
    fix: '```dockerfile\nCOPY --from=build /out/app /usr/local/bin/app\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'COPY')
      .filter((instruction) => flagValue(instruction, 'from'))
      .filter((instruction) => {
        const args = argsOf(instruction);
        return args.length === 2 && args.every((arg) => arg === '/');
      })
      .map((instruction) => at(instruction, 'Do not copy an entire filesystem from another stage')),
});
