import { defineDockerRule } from '../define.js';
import { at, instructionsOf } from './helpers.js';
import { labelSchemaOptions, labelOptionsFix, type LabelSchemaOptions } from './label-schema.js';

export const labelNoExtra = defineDockerRule<LabelSchemaOptions>({
  meta: {
    id: 'DL3050',
    name: 'label-no-extra',
    severity: 'low',
    title: 'Superfluous label(s) present',
    description: 'With `strictLabels`, a `LABEL` may only set labels of the label schema.',
    rationale: 'A closed set of labels keeps image metadata consistent across teams.',
    fix: labelOptionsFix,
  },
  options: labelSchemaOptions,
  check: (dockerfile, { labelSchema, strictLabels }) =>
    strictLabels
      ? instructionsOf(dockerfile, 'LABEL')
          .filter((instruction) =>
            (instruction.properties ?? []).some(
              (property) => !(property.name in (labelSchema ?? {})),
            ),
          )
          .map((instruction) => at(instruction, 'Superfluous label(s) present.'))
      : [],
});
