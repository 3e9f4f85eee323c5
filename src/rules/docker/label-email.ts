import { labelFormatRule, labelOptionsFix } from './label-schema.js';

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export const labelEmail = labelFormatRule(
  {
    id: 'DL3058',
    name: 'label-email',
    severity: 'medium',
    title: 'Label `<label>` is not a valid email format - must conform to RFC5322.',
    description: 'A label of schema type `email` must be an e-mail address.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'email',
  (value) => EMAIL.test(value),
  'Label `<label>` is not a valid email format - must conform to RFC5322.',
);
