import type { DockerRule } from '../types.js';
import { at, hadolintMeta } from './helpers.js';
import { defaultLabelOptions, labelOptionsFix, type LabelSchemaOptions } from './label-schema.js';

export const labelNoExtra: DockerRule<LabelSchemaOptions> = {
  meta: hadolintMeta({
    id: 'DL3050',
    name: 'label-no-extra',
    severity: 'low',
    title: 'Superfluous label(s) present',
    description: 'With `strictLabels`, a `LABEL` may only set labels of the label schema.',
    rationale: 'A closed set of labels keeps image metadata consistent across teams.',
    fix: labelOptionsFix,
  }),
  defaultOptions: defaultLabelOptions,
  check: (dockerfile, { labelSchema, strictLabels }) =>
    strictLabels
      ? dockerfile.instructions
          .map((instruction) => instruction.trigger ?? instruction)
          .filter((instruction) => instruction.keyword === 'LABEL')
          .filter((instruction) =>
            (instruction.properties ?? []).some(
              (property) => !(property.name in (labelSchema ?? {})),
            ),
          )
          .map((instruction) => at(instruction, 'Superfluous label(s) present.'))
      : [],
};
