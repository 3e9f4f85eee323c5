import { defineDockerRule } from '../define.js';
import type { DockerViolation } from '../types.js';
import { argsOf, at, isAbsolutePath } from './helpers.js';

export const copyRelativeNeedsWorkdir = defineDockerRule({
  meta: {
    id: 'DL3045',
    name: 'copy-relative-needs-workdir',
    severity: 'medium',
    title: 'COPY to a relative destination without WORKDIR set',
    description:
      '`COPY` to a relative path needs a `WORKDIR` earlier in the stage (or in the stage it builds on).',
    rationale:
      "Without a `WORKDIR` the destination is relative to the base image's working directory, which can change with any base image update.",
    fix: '```dockerfile\nWORKDIR /app\nCOPY package.json ./\n```',
  },
  check: (dockerfile) => {
    const violations: DockerViolation[] = [];
    const hasWorkdir: boolean[] = [];
    for (const instruction of dockerfile.instructions) {
      const effective = instruction.trigger ?? instruction;
      const stage = instruction.stage;
      if (instruction.keyword === 'FROM') {
        const { base } = dockerfile.stages[stage];
        hasWorkdir[stage] = base !== undefined && hasWorkdir[base];
      } else if (effective.keyword === 'WORKDIR') {
        if (stage >= 0) hasWorkdir[stage] = true;
      } else if (effective.keyword === 'COPY' && !(stage >= 0 && hasWorkdir[stage])) {
        const destination = argsOf(effective).at(-1);
        if (
          destination !== undefined &&
          argsOf(effective).length >= 2 &&
          !isAbsolutePath(destination)
        ) {
          violations.push(
            at(instruction, '`COPY` to a relative destination without `WORKDIR` set.'),
          );
        }
      }
    }
    return violations;
  },
});
