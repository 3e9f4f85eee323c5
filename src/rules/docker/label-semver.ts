import { labelFormatRule, labelOptionsFix } from './label-schema.js';

// https://semver.org/#is-there-a-suggested-regular-expression-regex-to-check-a-semver-string
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export const labelSemver = labelFormatRule(
  {
    id: 'DL3056',
    name: 'label-semver',
    severity: 'medium',
    title: 'Label `<label>` does not conform to semantic versioning.',
    description: 'A label of schema type `semver` must be a semantic version.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'semver',
  (value) => SEMVER.test(value),
  'Label `<label>` does not conform to semantic versioning.',
);
