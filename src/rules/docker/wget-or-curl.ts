import { defineDockerRule } from '../define.js';
import type { DockerInstruction } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';
import { at } from './helpers.js';

const MESSAGE = 'Either use Wget or Curl but not both';

/** Flags, per stage, each RUN using curl or wget once both have been used. */
function check(instructions: readonly DockerInstruction[]): DockerViolation[] {
  let used = new Set<string>();
  const violations: DockerViolation[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') used = new Set();
    if (instruction.keyword !== 'RUN' || !instruction.shell) continue;
    const tools = instruction.shell.commands
      .map((command) => command.name)
      .filter((name) => name === 'curl' || name === 'wget');
    for (const tool of tools) used.add(tool);
    if (tools.length > 0 && used.size === 2) violations.push(at(instruction, MESSAGE));
  }
  return violations;
}

export const wgetOrCurl = defineDockerRule({
  meta: {
    id: 'DL4001',
    name: 'wget-or-curl',
    severity: 'medium',
    title: 'Either use wget or curl, not both',
    description: 'Flags `RUN` instructions using `curl` or `wget` in a stage that uses both.',
    rationale:
      'Two download tools do the same job: installing both makes the image bigger and gives attackers one more tool; pick one.',
    fix: '```dockerfile\nRUN curl -fsSL -o /tmp/app.tar.gz https://example.com/app.tar.gz\n```',
  },
  check: (dockerfile) => [
    ...check(dockerfile.instructions.filter((instruction) => !instruction.trigger)),
    ...check(dockerfile.instructions.flatMap((instruction) => instruction.trigger ?? [])),
  ],
});
