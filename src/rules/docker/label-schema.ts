// hadolint's label schema (`label-schema` in .hadolint.yaml): label name -> expected value type.
// Shared by the label rules DL3049-DL3058.
import type { DockerInstruction, DockerfileModel } from '../../sources/dockerfile.js';
import { defineDockerRule, type RuleMetaInput } from '../define.js';
import type { OptionsSchema } from '../options.js';
import type { DockerRule } from '../types.js';
import { at, instructionsOf } from './helpers.js';

export type LabelType = 'text' | 'url' | 'rfc3339' | 'spdx' | 'hash' | 'semver' | 'email';

export interface LabelSchemaOptions {
  labelSchema: Record<string, LabelType>;
  /** Labels not in the schema are an error (DL3050). */
  strictLabels: boolean;
}

const LABEL_TYPES: readonly LabelType[] = [
  'text',
  'url',
  'rfc3339',
  'spdx',
  'hash',
  'semver',
  'email',
];

/** The options every label rule takes: hadolint's `label-schema` and `strict-labels`. */
export const labelSchemaOptions: OptionsSchema<LabelSchemaOptions> = {
  labelSchema: {
    type: 'object',
    additionalProperties: { type: 'string', enum: LABEL_TYPES },
    default: {},
    description:
      "Label name -> the type its value must have (hadolint's `label-schema` in `.hadolint.yaml` sets it too, checked against this schema). Each rule checks the labels of its own type.",
  },
  strictLabels: {
    type: 'boolean',
    default: false,
    description: "Labels not in `labelSchema` are an error (hadolint's `strict-labels`, DL3050).",
  },
};

export interface LabelUse {
  instruction: DockerInstruction;
  name: string;
  value: string;
}

/** Every `LABEL key=value` pair (ONBUILD triggers included), values unquoted. */
export function labels(dockerfile: DockerfileModel): LabelUse[] {
  return instructionsOf(dockerfile, 'LABEL').flatMap((instruction) =>
    (instruction.properties ?? []).map(({ name, value }) => ({
      instruction,
      name,
      value: (value ?? '').replace(/^(["'])(.*)\1$/s, '$2'),
    })),
  );
}

/** Labels of the schema with the given type. */
export function labelsOfType(
  dockerfile: DockerfileModel,
  options: LabelSchemaOptions,
  type: LabelType,
): LabelUse[] {
  return labels(dockerfile).filter((label) => options.labelSchema?.[label.name] === type);
}

export const labelOptionsFix =
  "```yaml\n# policy file\nrules:\n  DL3049:\n    options:\n      labelSchema:\n        org.opencontainers.image.source: url\n        org.opencontainers.image.created: rfc3339\n```\n\nor hadolint's `label-schema` in `.hadolint.yaml`.";

/** A rule that checks the value of every label the schema gives `type` (DL3051-DL3058):
 *  `message` names the label at `<label>`. */
export function labelFormatRule(
  meta: RuleMetaInput,
  type: LabelType,
  isValid: (value: string) => boolean,
  message: string,
): DockerRule<LabelSchemaOptions> {
  return defineDockerRule<LabelSchemaOptions>({
    meta,
    options: labelSchemaOptions,
    check: (dockerfile, options) =>
      labelsOfType(dockerfile, options, type)
        .filter(({ value }) => !isValid(value))
        .map((label) => at(label.instruction, message.replace('<label>', label.name))),
  });
}
