import type { DockerRule } from '../types.js';
import { at, hadolintMeta } from './helpers.js';
import {
  defaultLabelOptions,
  labelOptionsFix,
  labelsOfType,
  type LabelSchemaOptions,
} from './label-schema.js';

export const labelNotEmpty: DockerRule<LabelSchemaOptions> = {
  meta: hadolintMeta({
    id: 'DL3051',
    name: 'label-not-empty',
    severity: 'medium',
    title: 'Label `<label>` is empty.',
    description: 'A label of the label schema with type `text` must not be empty.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  }),
  defaultOptions: defaultLabelOptions,
  check: (dockerfile, options) =>
    labelsOfType(dockerfile, options, 'text')
      .filter(({ value }) => value === '')
      .map((label) =>
        at(label.instruction, 'Label `<label>` is empty.'.replace('<label>', label.name)),
      ),
};
