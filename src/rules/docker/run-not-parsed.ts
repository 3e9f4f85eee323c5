import { defineDockerRule } from '../define.js';
import { POSIX_SHELLS } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';
import { at } from './helpers.js';

export const runNotParsed = defineDockerRule({
  meta: {
    id: 'KPG301',
    name: 'run-not-parsed',
    // ShellCheck's codes for a script it cannot parse, which hadolint reports for such a RUN.
    aliases: ['SC1072', 'SC1073'],
    severity: 'medium',
    title: 'RUN could not be parsed as shell',
    description:
      'The shell-form `RUN` (or `ONBUILD RUN`) is not valid POSIX shell syntax as the shell parser reads it. Exec-form `RUN [...]`, and `RUN` under a `SHELL` or `# hadolint shell=` that is not a POSIX shell (PowerShell, cmd), are not checked.',
    rationale:
      'Every rule that reads commands (pinned versions, `apt-get -y`, `sudo`, `pipefail`) skips a `RUN` it cannot parse: said here, instead of passing it silently. `/bin/sh` would most likely fail on it too.',
    fix: 'Fix the syntax the message names (an unclosed quote, a stray parenthesis), or use the exec form for a command that is not shell:\n\n```dockerfile\nRUN ["/app/tool", "--flag=(x)"]\n```',
    references: ['https://www.shellcheck.net/wiki/SC1073'],
  },
  check: (dockerfile) => {
    const violations: DockerViolation[] = [];
    // Per stage: whether RUN goes to a POSIX shell (SHELL is inherited by a stage built on it).
    const posix: boolean[] = [];
    for (const instruction of dockerfile.instructions) {
      const { stage } = instruction;
      if (instruction.keyword === 'FROM') {
        const { base } = dockerfile.stages[stage];
        posix[stage] = base === undefined || posix[base];
      } else if (instruction.keyword === 'SHELL' && stage >= 0) {
        const shell = instruction.exec?.[0]?.replace(/^.*[\\/]/, '').toLowerCase();
        posix[stage] = shell === undefined || POSIX_SHELLS.has(shell.replace(/\.exe$/, ''));
      }
      const run = instruction.trigger ?? instruction;
      if (run.keyword !== 'RUN' || run.exec || !run.shell || run.shell.parsed) continue;
      if (stage >= 0 && !posix[stage]) continue;
      const reason = run.shell.error ? ` (${run.shell.error})` : '';
      violations.push(
        at(instruction, `RUN could not be parsed as shell${reason}; no rule checked its commands.`),
      );
    }
    return violations;
  },
});
