import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

export const fromFirst = defineDockerRule({
  meta: {
    id: 'DL3061',
    name: 'from-first',
    severity: 'high',
    title: 'Invalid instruction order',
    description: 'A Dockerfile must begin with `FROM`, `ARG` or a comment.',
    rationale: 'Docker rejects any other instruction before the first `FROM`.',
    fix: '```dockerfile\nARG BASE=debian:12\nFROM ${BASE}\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n```',
  },
  check: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.stage < 0 && instruction.keyword !== 'ARG')
      .map((instruction) =>
        at(
          instruction,
          'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
        ),
      ),
});
