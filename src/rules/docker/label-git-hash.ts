import { labelFormatRule, labelOptionsFix } from './label-schema.js';

export const labelGitHash = labelFormatRule(
  {
    id: 'DL3055',
    name: 'label-git-hash',
    severity: 'medium',
    title: 'Label `<label>` is not a valid git hash.',
    description:
      'A label of schema type `hash` must be a git commit hash (7 to 40 hex digits, or 64 for SHA-256 repositories).',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  'hash',
  (value) => /^([0-9a-f]{7,40}|[0-9a-f]{64})$/i.test(value),
  'Label `<label>` is not a valid git hash.',
);
