import { defineDockerRule } from '../define.js';
import { at, flagValue, isStageName } from './helpers.js';

export const copyFromKnownStage = defineDockerRule({
  meta: {
    id: 'DL3022',
    name: 'copy-from-known-stage',
    severity: 'medium',
    title: 'COPY --from should reference a previously defined FROM alias',
    description:
      '`COPY --from=` must name an earlier stage (by alias or index) or an image reference.',
    rationale:
      'A name that is neither an earlier stage nor an image is almost always a typo; Docker then tries to pull it as an image.',
    fix: '```dockerfile\nFROM golang:1.23 AS build\nRUN go build -o /out/app ./cmd/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'COPY')
      .flatMap((instruction) => {
        const from = flagValue(instruction, 'from');
        if (from === undefined || from.includes('$')) return [];
        // An image reference: BuildKit pulls it.
        if (from.includes(':') || from.includes('/')) return [];
        if (/^\d+$/.test(from)) {
          return Number(from) < instruction.stage
            ? []
            : [at(instruction, `COPY --from=${from} refers to a stage not defined before it`)];
        }
        return isStageName(from, dockerfile, instruction.stage)
          ? []
          : [at(instruction, '`COPY --from` should reference a previously defined `FROM` alias')];
      }),
});
