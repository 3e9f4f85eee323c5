import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

export const uniqueStageNames = defineDockerRule({
  meta: {
    id: 'DL3024',
    name: 'unique-stage-names',
    severity: 'high',
    title: 'FROM aliases (stage names) must be unique',
    description: 'Two build stages must not share a name.',
    rationale: 'References to a duplicated name are ambiguous; BuildKit rejects the file.',
    fix: '```dockerfile\nFROM node:22 AS deps\nFROM node:22 AS build\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      // A name whose first stage is an earlier one.
      .filter(({ alias, index }) => alias && dockerfile.stageNames.get(alias) !== index)
      .map((stage) => at(stage.from, `Duplicate FROM alias \`${stage.alias}\`.`)),
});
