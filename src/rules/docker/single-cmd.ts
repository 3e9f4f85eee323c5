import { defineDockerRule } from '../define.js';
import { repeatedInStage } from './helpers.js';

export const singleCmd = defineDockerRule({
  meta: {
    id: 'DL4003',
    name: 'single-cmd',
    severity: 'medium',
    title: 'Multiple `CMD` instructions found',
    description: 'A build stage should have at most one `CMD`.',
    rationale: 'Only the last `CMD` of a stage takes effect; the earlier ones mislead the reader.',
    fix: 'Keep only the one that applies:\n\n```dockerfile\nCMD ["/usr/local/bin/app"]\n```',
  },
  check: (dockerfile) =>
    repeatedInStage(
      dockerfile,
      'CMD',
      'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
    ),
});
