import { labelFormatRule, labelOptionsFix } from './label-schema.js';

export const labelNotEmpty = labelFormatRule(
  {
    id: 'DL3051',
    name: 'label-not-empty',
    severity: 'medium',
    title: 'Label `<label>` is empty.',
    description: 'A label of the label schema with type `text` must not be empty.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'text',
  (value) => value !== '',
  'Label `<label>` is empty.',
);
