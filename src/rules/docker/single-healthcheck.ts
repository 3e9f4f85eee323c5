import { defineDockerRule } from '../define.js';
import { repeatedInStage } from './helpers.js';

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
    repeatedInStage(dockerfile, 'HEALTHCHECK', 'Multiple `HEALTHCHECK` instructions'),
});
