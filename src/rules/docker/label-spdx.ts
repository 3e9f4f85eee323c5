import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';
import {
  labelSchemaOptions,
  labelOptionsFix,
  labelsOfType,
  type LabelSchemaOptions,
} from './label-schema.js';

import { isSpdxExpression } from './spdx.js';

export const labelSpdx = defineDockerRule<LabelSchemaOptions>({
  meta: {
    id: 'DL3054',
    name: 'label-spdx',
    severity: 'medium',
    title: 'Label `<label>` is not a valid SPDX license identifier.',
    description:
      'A label of schema type `spdx` must be an SPDX license expression of known identifiers.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  options: labelSchemaOptions,
  check: (dockerfile, options) =>
    labelsOfType(dockerfile, options, 'spdx')
      .filter(({ value }) => !isSpdxExpression(value))
      .map((label) =>
        at(
          label.instruction,
          'Label `<label>` is not a valid SPDX license identifier.'.replace('<label>', label.name),
        ),
      ),
});
