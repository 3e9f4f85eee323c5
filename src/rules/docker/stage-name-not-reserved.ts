import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

const RESERVED = new Set(['scratch', 'context']);

export const stageNameNotReserved = defineDockerRule({
  meta: {
    id: 'DL3063',
    name: 'stage-name-not-reserved',
    severity: 'medium',
    title: 'Stage name should not be a reserved word',
    description: 'A stage must not be named `scratch` or `context`.',
    rationale:
      '`scratch` is the empty image and `context` the build context in BuildKit: a stage with either name shadows them or is refused.',
    fix: '```dockerfile\nFROM alpine:3.20 AS build-base\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      .filter((stage) => stage.alias && RESERVED.has(stage.alias))
      .map((stage) => at(stage.from, `Stage name \`${stage.alias}\` is a reserved word.`)),
});
