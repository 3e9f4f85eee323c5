import { defineDockerRule } from '../define.js';
import type { DockerInstruction } from '../../sources/dockerfile.js';
import { at, instructionsOf } from './helpers.js';

function isJsonArray(text: string): boolean {
  try {
    return Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

/** The command part: `CMD x`, `ENTRYPOINT x`, `HEALTHCHECK [flags] CMD x` (not `NONE`). */
function commandText(instruction: DockerInstruction): string | undefined {
  if (instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT')
    return instruction.text;
  if (instruction.keyword !== 'HEALTHCHECK') return undefined;
  const match = /^CMD\s+([\s\S]*)$/i.exec(instruction.text);
  return match?.[1];
}

export const execFormCmdEntrypoint = defineDockerRule({
  meta: {
    id: 'DL3025',
    name: 'exec-form-cmd-entrypoint',
    severity: 'medium',
    title: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments',
    description: '`CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` should use the JSON (exec) form.',
    rationale:
      'In shell form the process runs under `/bin/sh -c`, which does not forward signals: the container ignores `docker stop` until it is killed.',
    fix: '```dockerfile\nENTRYPOINT ["/usr/local/bin/app"]\nCMD ["--port", "8080"]\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile)
      .filter((instruction) => {
        const command = commandText(instruction);
        return command !== undefined && command !== '' && !isJsonArray(command);
      })
      .map((instruction) =>
        at(instruction, 'Use arguments JSON notation for CMD and ENTRYPOINT arguments'),
      ),
});
