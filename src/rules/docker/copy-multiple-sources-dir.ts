import { defineDockerRule } from '../define.js';
import { argsOf, at, instructionsOf } from './helpers.js';

export const copyMultipleSourcesDir = defineDockerRule({
  meta: {
    id: 'DL3021',
    name: 'copy-multiple-sources-dir',
    severity: 'high',
    title: 'COPY with more than 2 arguments requires the last argument to end with /',
    description:
      'When `COPY` has several sources, the destination must be a directory ending in `/`.',
    rationale: 'Docker refuses to build otherwise: several files cannot be copied onto one file.',
    fix: '```dockerfile\nCOPY package.json package-lock.json /app/\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'COPY')
      .filter((instruction) => argsOf(instruction).length > 2)
      .filter((instruction) => !argsOf(instruction).at(-1)!.endsWith('/'))
      .map((instruction) =>
        at(instruction, 'COPY with more than 2 arguments requires the last argument to end with /'),
      ),
});
