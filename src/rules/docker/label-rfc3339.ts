import { labelFormatRule, labelOptionsFix } from './label-schema.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export const labelRfc3339 = labelFormatRule(
  {
    id: 'DL3053',
    name: 'label-rfc3339',
    severity: 'medium',
    title: 'Label `<label>` is not a valid time format - must conform to RFC3339.',
    description: 'A label of schema type `rfc3339` must be an RFC 3339 timestamp.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'rfc3339',
  (value) => RFC3339.test(value),
  'Label `<label>` is not a valid time format - must conform to RFC3339.',
);
