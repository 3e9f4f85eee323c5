import { defineDockerRule } from '../define.js';
import { at, instructionsOf } from './helpers.js';

function invalidPort(port: string): boolean {
  if (port.includes('$')) return false;
  return !/^\d+$/.test(port) || Number(port) > 65535;
}

export const exposeValidPort = defineDockerRule({
  meta: {
    id: 'DL3011',
    name: 'expose-valid-port',
    severity: 'high',
    title: 'Valid UNIX ports range from 0 to 65535',
    description: 'Every port (and both ends of a range) in `EXPOSE` must be between 0 and 65535.',
    rationale:
      'A port outside the range cannot be bound; the `EXPOSE` documents something impossible.',
    fix: '```dockerfile\nEXPOSE 8080/tcp\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'EXPOSE')
      .filter((instruction) =>
        instruction.words.some((word) => word.split('/')[0].split('-').some(invalidPort)),
      )
      .map((instruction) => at(instruction, 'Valid UNIX ports range from 0 to 65535')),
});
