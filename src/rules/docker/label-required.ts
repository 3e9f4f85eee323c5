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
      // Linear in stages: the names of stages that are good, and per name the stages that were
      // bad when last seen (a stage only ever goes from bad to silent or good).
      const goodNames = new Set<string>();
      const badByName = new Map<string, number[]>();
      const setGood = (index: number) => {
        state[index] = 'good';
        const { alias } = dockerfile.stages[index];
        if (alias) goodNames.add(alias);
      };
      const silence = (alias: string) => {
        for (const index of badByName.get(alias) ?? []) {
          if (state[index] === 'bad') state[index] = 'silent';
        }
        badByName.delete(alias);
      };
      for (const instruction of dockerfile.instructions) {
        const current = instruction.stage;
        if (instruction.keyword === 'FROM') {
          const { image, alias } = dockerfile.stages[current];
          if (goodNames.has(image.toLowerCase())) setGood(current);
          else {
            state[current] = 'bad';
            if (alias) {
              const bad = badByName.get(alias);
              if (bad) bad.push(current);
              else badByName.set(alias, [current]);
            }
          }
        } else if (instruction.keyword === 'COPY') {
          const from = flagValue(instruction, 'from');
          if (from) silence(from.toLowerCase());
        } else if (
          instruction.keyword === 'LABEL' &&
          current >= 0 &&
          instruction.properties?.some((property) => property.name === label)
        ) {
          silence(stageName(current));
          setGood(current);
        }
      }
      return dockerfile.stages
        .filter((_, index) => state[index] === 'bad')
        .map((stage): DockerViolation => at(stage.from, `Label \`${label}\` is missing.`));
    }),
});
