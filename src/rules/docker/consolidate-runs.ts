import { defineDockerRule } from '../define.js';
import type { DockerInstruction } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';
import { at } from './helpers.js';

/** Commands in a RUN (0 when the body did not parse). */
const commandCount = (instruction: DockerInstruction) => instruction.shell?.commands.length ?? 0;
const sameFlags = (a: DockerInstruction, b: DockerInstruction) =>
  JSON.stringify(a.flags) === JSON.stringify(b.flags);

export const consolidateRuns = defineDockerRule({
  meta: {
    id: 'DL3059',
    name: 'consolidate-runs',
    severity: 'low',
    title: 'Multiple consecutive `RUN` instructions',
    description:
      'Flags a `RUN` of a single command that directly follows another single-command `RUN` with the same flags. Comments in between do not matter; `RUN`s that already chain several commands are left alone, as a deliberate split.',
    rationale:
      'Every `RUN` adds a layer; consecutive one-command `RUN`s usually belong together, and merging them makes the image smaller and the build faster.',
    fix: '```dockerfile\nRUN ./configure \\\n && make \\\n && make install\n```',
  },
  check: (dockerfile) => {
    const violations: DockerViolation[] = [];
    let previous: DockerInstruction | undefined;
    for (const instruction of dockerfile.instructions) {
      if (instruction.keyword !== 'RUN') {
        previous = undefined;
        continue;
      }
      if (
        previous &&
        sameFlags(previous, instruction) &&
        commandCount(previous) <= 1 &&
        commandCount(instruction) <= 1
      ) {
        violations.push(
          at(instruction, 'Multiple consecutive `RUN` instructions. Consider consolidation.'),
        );
      }
      previous = instruction;
    }
    return violations;
  },
});
