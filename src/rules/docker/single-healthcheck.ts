import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

export const singleHealthcheck = defineDockerRule({
  meta: {
    id: 'DL3012',
    name: 'single-healthcheck',
    severity: 'high',
    title: 'Multiple HEALTHCHECK instructions',
    description: 'A build stage may have at most one `HEALTHCHECK`.',
    rationale: 'Only the last `HEALTHCHECK` takes effect; the others mislead the reader.',
    fix: 'Keep one:\n\n```dockerfile\nHEALTHCHECK --interval=30s CMD ["/app/healthcheck"]\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages.flatMap((stage) =>
      stage.instructions
        .filter((instruction) => instruction.keyword === 'HEALTHCHECK')
        .slice(1)
        .map((instruction) => at(instruction, 'Multiple `HEALTHCHECK` instructions')),
    ),
});
