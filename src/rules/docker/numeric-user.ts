import { defineDockerRule } from '../define.js';
import { at, instructionsOf } from './helpers.js';

const NUMERIC_OR_VARIABLE = /^(\d+|\$.+)$/;

export const numericUser = defineDockerRule({
  meta: {
    id: 'DL3066',
    name: 'numeric-user',
    severity: 'low',
    title: 'Non-numeric user-id may not be resolvable by host system',
    description: '`USER` should name a numeric UID (and GID).',
    rationale:
      "Kubernetes can only enforce `runAsNonRoot` for numeric users, and user names are resolved against the image's `/etc/passwd`, not the host's.",
    fix: '```dockerfile\nUSER 10001:10001\n```',
    references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/'],
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'USER')
      .filter((instruction) =>
        (instruction.words[0] ?? '').split(':').some((part) => !NUMERIC_OR_VARIABLE.test(part)),
      )
      .map((instruction) =>
        at(instruction, 'Non-numeric user-id may not be resolvable by host system'),
      ),
});
