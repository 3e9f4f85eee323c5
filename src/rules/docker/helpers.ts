// Shared pieces of the hadolint rules: placing a violation on an instruction,
// stage names, paths, flags.
import type { DockerfileModel, DockerInstruction } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';

/** A violation on the whole instruction (first to last line). */
export function at(instruction: DockerInstruction, message: string): DockerViolation {
  return {
    message,
    line: instruction.line,
    ...(instruction.endLine > instruction.line ? { endLine: instruction.endLine } : {}),
  };
}

/** Whether a FROM names an earlier stage (compared case-insensitively, as BuildKit does). */
export function isStageName(
  image: string,
  dockerfile: Pick<DockerfileModel, 'stageNames'>,
  before: number,
): boolean {
  const first = dockerfile.stageNames.get(image.toLowerCase());
  return first !== undefined && first < before;
}

/** Absolute in Linux or Windows terms, or starting with a variable hadolint cannot resolve. */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || path.startsWith('$') || /^[A-Za-z]:[\\/]/.test(path);
}

/** Arguments of COPY/ADD/VOLUME..., from the JSON form when it is used. */
export function argsOf(instruction: DockerInstruction): string[] {
  return instruction.exec ?? instruction.words;
}

/** Whether `value` mentions `$name` or `${name...}` as a whole variable name. */
export function referencesVariable(value: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\$(\\{${escaped}([:}]|[-+?=])|${escaped}(?![A-Za-z0-9_]))`).test(value);
}

/** Value of `--name=value` on an instruction, unquoted; `undefined` when the flag is absent. */
export function flagValue(instruction: DockerInstruction, name: string): string | undefined {
  const found = instruction.flags.find((candidate) => candidate.name === name);
  if (!found) return undefined;
  return (found.value ?? '').replace(/^(["'])(.*)\1$/s, '$2');
}

/** Violations for every `keyword` instruction of a stage after its first: only the last of a
 *  stage takes effect (CMD, ENTRYPOINT, HEALTHCHECK). */
export function repeatedInStage(
  dockerfile: DockerfileModel,
  keyword: string,
  message: string,
): DockerViolation[] {
  return dockerfile.stages.flatMap((stage) =>
    stage.instructions
      .filter((instruction) => instruction.keyword === keyword)
      .slice(1)
      .map((instruction) => at(instruction, message)),
  );
}

/** The instructions rules look at, an `ONBUILD`'s trigger in its place (it runs in a child
 *  image, and is placed on the ONBUILD line), optionally only those of the given keywords. */
export function instructionsOf(
  dockerfile: DockerfileModel,
  ...keywords: string[]
): DockerInstruction[] {
  const effective = dockerfile.instructions.map(
    (instruction) => instruction.trigger ?? instruction,
  );
  return keywords.length
    ? effective.filter((instruction) => keywords.includes(instruction.keyword))
    : effective;
}
