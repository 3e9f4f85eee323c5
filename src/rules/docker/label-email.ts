import type { DockerRule } from '../types.js';
import { at, hadolintMeta } from './helpers.js';
import {
  defaultLabelOptions,
  labelOptionsFix,
  labelsOfType,
  type LabelSchemaOptions,
} from './label-schema.js';

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;

export const labelEmail: DockerRule<LabelSchemaOptions> = {
  meta: hadolintMeta({
    id: 'DL3058',
    name: 'label-email',
    severity: 'medium',
    title: 'Label `<label>` is not a valid email format - must conform to RFC5322.',
    description: 'A label of schema type `email` must be an e-mail address.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  }),
  defaultOptions: defaultLabelOptions,
  check: (dockerfile, options) =>
    labelsOfType(dockerfile, options, 'email')
      .filter(({ value }) => !EMAIL.test(value))
      .map((label) =>
        at(
          label.instruction,
          'Label `<label>` is not a valid email format - must conform to RFC5322.'.replace(
            '<label>',
            label.name,
          ),
        ),
      ),
};
