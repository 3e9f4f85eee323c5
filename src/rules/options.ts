// Rule options as data: each rule's metadata describes its options (type, allowed values,
// default, description), as ESLint's `meta.schema` does. The same description validates a
// policy file's `options:` at load, fills the defaults, documents the rule page and becomes the
// rule's part of policies/schema.json.
import { closest, distance } from 'fastest-levenshtein';

/** One option, in a small subset of JSON Schema that the loader, the docs and editors share. */
export type OptionSchema = {
  description: string;
  default: unknown;
} & (
  | { type: 'boolean' }
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'array'; items: { type: 'string' } }
  /** A mapping from any key to one of `enum` (hadolint's label schema). */
  | { type: 'object'; additionalProperties: { type: 'string'; enum: readonly string[] } }
);

/** Every option of a rule whose options are `Options`. */
export type OptionsSchema<Options = Record<string, unknown>> = {
  [Key in keyof Options]-?: OptionSchema;
};

/** What is wrong with one option, for the loader to place and word. */
export interface OptionProblem {
  /** The option's key (as written), and below it the entry at fault, if any. */
  path: string[];
  message: string;
  /** Words the written `value` may have meant (for a did-you-mean after `message`). */
  suggest?: { value: string; candidates: readonly string[] };
  /** Said after the did-you-mean. */
  detail?: string;
}

/** The problem as one line: its message, a did-you-mean when a word is close, the detail. */
export function optionProblemText({ message, suggest, detail = '' }: OptionProblem): string {
  return message + (suggest ? didYouMean(suggest.value, suggest.candidates) : '') + detail;
}

/** ` (did you mean 'x'?)` when one of `candidates` is within three edits of `word`, else ''. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const suggestion = closest(word, candidates as string[]);
  return suggestion && distance(word.toLowerCase(), suggestion.toLowerCase()) <= 3
    ? ` (did you mean '${suggestion}'?)`
    : '';
}

/** The options the schema's defaults make. */
export function defaultOptions(schema: OptionsSchema | undefined): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(schema ?? {})) defaults[key] = option.default;
  return defaults;
}

/** Problems of options written for a rule with `schema` (none for valid options). */
export function validateOptions(
  schema: OptionsSchema | undefined,
  options: Record<string, unknown>,
): OptionProblem[] {
  const known = Object.keys(schema ?? {});
  const problems: OptionProblem[] = [];
  for (const [key, value] of Object.entries(options)) {
    const option = schema?.[key];
    if (!option) {
      problems.push({
        path: [key],
        message: 'unknown option',
        suggest: { value: key, candidates: known },
        detail: known.length
          ? `; this rule takes ${known.join(', ')}`
          : '; this rule takes no options',
      });
      continue;
    }
    const problem = valueProblem(option, value);
    if (problem) problems.push({ ...problem, path: [key, ...problem.path] });
  }
  return problems;
}

function valueProblem(option: OptionSchema, value: unknown): OptionProblem | undefined {
  switch (option.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? undefined
        : { path: [], message: 'must be true or false' };
    case 'string':
      if (typeof value !== 'string') return { path: [], message: 'must be a string' };
      return option.enum && !option.enum.includes(value)
        ? enumProblem([], value, option.enum)
        : undefined;
    case 'array':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? undefined
        : { path: [], message: 'must be a list of strings' };
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return { path: [], message: 'must be a mapping' };
      }
      const allowed = option.additionalProperties.enum;
      for (const [key, entry] of Object.entries(value)) {
        if (typeof entry !== 'string' || !allowed.includes(entry)) {
          return enumProblem([key], String(entry), allowed);
        }
      }
      return undefined;
    }
  }
}

function enumProblem(path: string[], value: string, allowed: readonly string[]): OptionProblem {
  return {
    path,
    message: `must be one of ${allowed.join(', ')}`,
    suggest: { value, candidates: allowed },
  };
}

/** The JSON Schema of a rule's `options` mapping, for policies/schema.json. */
export function optionsJsonSchema(schema: OptionsSchema): object {
  return { type: 'object', additionalProperties: false, properties: { ...schema } };
}
