import { labelFormatRule, labelOptionsFix } from './label-schema.js';

function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value) && URL.canParse(value);
}

export const labelUrl = labelFormatRule(
  {
    id: 'DL3052',
    name: 'label-url',
    severity: 'medium',
    title: 'Label `<label>` is not a valid URL.',
    description: 'A label of schema type `url` must be an absolute URL.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'url',
  isUrl,
  'Label `<label>` is not a valid URL.',
);
