import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';
import {
  labelSchemaOptions,
  labelOptionsFix,
  labelsOfType,
  type LabelSchemaOptions,
} from './label-schema.js';

export const labelNotEmpty = defineDockerRule<LabelSchemaOptions>({
  meta: {
    id: 'DL3051',
    name: 'label-not-empty',
    severity: 'medium',
    title: 'Label `<label>` is empty.',
    description: 'A label of the label schema with type `text` must not be empty.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  options: labelSchemaOptions,
  check: (dockerfile, options) =>
    labelsOfType(dockerfile, options, 'text')
      .filter(({ value }) => value === '')
      .map((label) =>
        at(label.instruction, 'Label `<label>` is empty.'.replace('<label>', label.name)),
      ),
});
