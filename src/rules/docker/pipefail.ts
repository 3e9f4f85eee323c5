import { defineDockerRule } from '../define.js';
import type { ParsedShell } from '../../sources/shell.js';
import { basename, hasFlag } from '../../sources/shell.js';
import type { DockerViolation } from '../types.js';
import { at } from './helpers.js';

const NON_POSIX = ['pwsh', 'powershell', 'cmd'];

/** `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (bash, zsh or ash, `-o pipefail` anywhere). */
function setsPipefail(shell: ParsedShell): boolean {
  return shell.commands.some(
    (command) =>
      ['bash', 'zsh', 'ash'].includes(basename(command.name)) &&
      hasFlag(command, 'o') &&
      command.args.includes('pipefail'),
  );
}

export const pipefail = defineDockerRule({
  meta: {
    id: 'DL4006',
    name: 'pipefail',
    severity: 'medium',
    title: 'Set the SHELL option -o pipefail before RUN with a pipe in it',
    description:
      'Flags a `RUN` with a pipe when the stage has no `SHELL` that sets `-o pipefail` (in bash, zsh or ash). Stages with a PowerShell or cmd `SHELL` are left alone.',
    rationale:
      'A pipeline fails only if its last command fails: `wget -O - https://x | tar -x` succeeds when the download fails, and the build goes on with a broken image. `pipefail` makes any failing command fail the step.',
    fix: '```dockerfile\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN wget -O - https://example.com/app.tar.gz | tar -xz\n```',
  },
  check: (dockerfile) => {
    const violations: DockerViolation[] = [];
    let safe = false;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword === 'FROM') safe = false;
      else if (instruction.keyword === 'SHELL' && instruction.shell) {
        const script = instruction.shell.script.trimStart();
        safe =
          NON_POSIX.some((shell) => script.startsWith(shell)) || setsPipefail(instruction.shell);
      } else if (instruction.keyword === 'RUN' && !safe && (instruction.shell?.pipes ?? 0) > 0) {
        violations.push(
          at(
            instruction,
            'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check',
          ),
        );
      }
    }
    return violations;
  },
});
