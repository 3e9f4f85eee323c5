import { defineDockerRule } from '../define.js';
import { repeatedInStage } from './helpers.js';

export const singleEntrypoint = defineDockerRule({
  meta: {
    id: 'DL4004',
    name: 'single-entrypoint',
    severity: 'high',
    title: 'Multiple `ENTRYPOINT` instructions found',
    description: 'A build stage should have at most one `ENTRYPOINT`.',
    rationale:
      'Only the last `ENTRYPOINT` of a stage takes effect; the earlier ones mislead the reader.',
    fix: 'Keep only the one that applies:\n\n```dockerfile\nENTRYPOINT ["/usr/local/bin/app"]\n```',
  },
  check: (dockerfile) =>
    repeatedInStage(
      dockerfile,
      'ENTRYPOINT',
      'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
    ),
});
