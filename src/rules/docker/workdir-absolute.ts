import { defineDockerRule } from '../define.js';
import { unquote } from '../../sources/dockerfile.js';
import { at, isAbsolutePath } from './helpers.js';

export const workdirAbsolute = defineDockerRule({
  meta: {
    id: 'DL3000',
    name: 'workdir-absolute',
    severity: 'high',
    title: 'Use absolute WORKDIR',
    description: '`WORKDIR` must be an absolute path (or a variable).',
    rationale:
      'A relative `WORKDIR` depends on every earlier `WORKDIR`, including those of the base image, so the directory is hard to know when reading the file.',
    fix: '```dockerfile\nWORKDIR /usr/src/app\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'WORKDIR')
      .filter((instruction) => !isAbsolutePath(unquote(instruction.text)))
      .map((instruction) => at(instruction, 'Use absolute WORKDIR')),
});
