import { labelFormatRule, labelOptionsFix } from './label-schema.js';

import { isSpdxExpression } from './spdx.js';

export const labelSpdx = labelFormatRule(
  {
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
  'spdx',
  (value) => isSpdxExpression(value),
  'Label `<label>` is not a valid SPDX license identifier.',
);
