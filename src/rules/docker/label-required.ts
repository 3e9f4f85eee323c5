import { defineDockerRule } from '../define.js';
import type { DockerViolation } from '../types.js';
import { at, flagValue } from './helpers.js';
import { labelSchemaOptions, labelOptionsFix, type LabelSchemaOptions } from './label-schema.js';

type StageState = 'bad' | 'silent' | 'good';

export const labelRequired = defineDockerRule<LabelSchemaOptions>({
  meta: {
    id: 'DL3049',
    name: 'label-required',
    severity: 'low',
    title: 'Label is missing',
    description:
      'Every image built (each stage not only used as a base or `COPY --from` source) must set each label of the label schema.',
    rationale:
      'Required labels (source, revision, owner) are how images are traced back to code and teams.',
    fix: labelOptionsFix,
  },
  options: labelSchemaOptions,
  check: (dockerfile, { labelSchema }) =>
    Object.keys(labelSchema ?? {}).flatMap((label) => {
      const state: StageState[] = [];
      const stageName = (index: number) =>
        dockerfile.stages[index].alias ?? dockerfile.stages[index].image.toLowerCase();
      const silence = (alias: string) =>
        dockerfile.stages.forEach((stage, index) => {
          if (stage.alias === alias && state[index] === 'bad') state[index] = 'silent';
        });
      for (const instruction of dockerfile.instructions) {
        const current = instruction.stage;
        if (instruction.keyword === 'FROM') {
          const image = dockerfile.stages[current].image.toLowerCase();
          const inherits = dockerfile.stages.some(
            (stage, index) => index < current && state[index] === 'good' && stage.alias === image,
          );
          state[current] = inherits ? 'good' : 'bad';
        } else if (instruction.keyword === 'COPY') {
          const from = flagValue(instruction, 'from');
          if (from) silence(from.toLowerCase());
        } else if (
          instruction.keyword === 'LABEL' &&
          current >= 0 &&
          instruction.properties?.some((property) => property.name === label)
        ) {
          silence(stageName(current));
          state[current] = 'good';
        }
      }
      return dockerfile.stages
        .filter((_, index) => state[index] === 'bad')
        .map((stage): DockerViolation => at(stage.from, `Label \`${label}\` is missing.`));
    }),
});
