import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';
import {
  labelSchemaOptions,
  labelOptionsFix,
  labelsOfType,
  type LabelSchemaOptions,
} from './label-schema.js';

function isUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value) && URL.canParse(value);
}

export const labelUrl = defineDockerRule<LabelSchemaOptions>({
  meta: {
    id: 'DL3052',
    name: 'label-url',
    severity: 'medium',
    title: 'Label `<label>` is not a valid URL.',
    description: 'A label of schema type `url` must be an absolute URL.',
    rationale:
      'Tools that read image labels (registries, scanners, inventories) rely on their format.',
    fix: labelOptionsFix,
  },
  options: labelSchemaOptions,
  check: (dockerfile, options) =>
    labelsOfType(dockerfile, options, 'url')
      .filter(({ value }) => !isUrl(value))
      .map((label) =>
        at(label.instruction, 'Label `<label>` is not a valid URL.'.replace('<label>', label.name)),
      ),
});
