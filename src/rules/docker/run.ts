// Shared pieces of the rules that read RUN bodies: the RUN instructions with their parsed shell,
// a rule built from a per-RUN predicate, and BuildKit cache mounts.
import type { DockerInstruction, DockerfileModel } from '../../sources/dockerfile.js';
import type { ParsedShell, ShellCommand } from '../../sources/shell.js';
import { defineDockerRule, type RuleMetaInput } from '../define.js';
import type { DockerRule, DockerViolation } from '../types.js';
import { at } from './helpers.js';

export interface RunInstruction {
  /** The RUN instruction (for `ONBUILD RUN`, the trigger, placed on the ONBUILD line). */
  instruction: DockerInstruction;
  shell: ParsedShell;
  onbuild: boolean;
}

/** RUN instructions whose body was parsed, in file order, `ONBUILD RUN` triggers included. */
export function runInstructions(dockerfile: DockerfileModel): RunInstruction[] {
  const runs: RunInstruction[] = [];
  for (const instruction of dockerfile.instructions) {
    const target = instruction.trigger ?? instruction;
    if (target.keyword === 'RUN' && target.shell) {
      runs.push({ instruction: target, shell: target.shell, onbuild: target.onbuild === true });
    }
  }
  return runs;
}

/** A rule that looks at each RUN on its own (hadolint's `simpleRule`, with its `onbuild`
 *  variant): one violation per RUN for which `violates` holds. */
export function runRule(
  meta: RuleMetaInput,
  message: string,
  violates: (shell: ParsedShell, instruction: DockerInstruction) => boolean,
): DockerRule {
  return defineDockerRule({
    meta,
    check: (dockerfile): DockerViolation[] =>
      runInstructions(dockerfile)
        .filter((run) => violates(run.shell, run.instruction))
        .map((run) => at(run.instruction, message)),
  });
}

/** A rule that flags a RUN when any of its commands matches `violates`. */
export function commandRule(
  meta: RuleMetaInput,
  message: string,
  violates: (command: ShellCommand) => boolean,
): DockerRule {
  return runRule(meta, message, (shell) => shell.commands.some(violates));
}

export interface RunMount {
  /** `bind` (Docker's default), `cache`, `tmpfs`, `secret`, `ssh`. */
  type: string;
  target?: string;
  /** The stage or image a mount reads from (`from=`). */
  from?: string;
}

/** The `--mount=` flags of a RUN, parsed. */
export function mountsOf(instruction: DockerInstruction): RunMount[] {
  return instruction.flags
    .filter((flag) => flag.name === 'mount' && flag.value)
    .map((flag) => {
      const options = new Map(
        flag
          .value!.replace(/^(["'])(.*)\1$/s, '$2')
          .split(',')
          .map((option) => {
            const equals = option.indexOf('=');
            return equals < 0
              ? [option.trim(), '']
              : [option.slice(0, equals).trim(), option.slice(equals + 1).trim()];
          }),
      );
      const target = options.get('target') ?? options.get('dst') ?? options.get('destination');
      const from = options.get('from');
      return {
        type: options.get('type') ?? 'bind',
        ...(target ? { target } : {}),
        ...(from ? { from } : {}),
      };
    });
}

/** Whether a cache or tmpfs mount covers `directory` (its target is the directory or below it,
 *  compared the way hadolint does: by prefix). */
export function hasCacheMount(instruction: DockerInstruction, directory: string): boolean {
  return mountsOf(instruction).some(
    (mount) =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      mount.target !== undefined &&
      mount.target.replace(/\/+$/, '').startsWith(directory),
  );
}

/** Violations for RUNs that leave something in their layer which matters only when the layer ends
 *  up in an image: RUNs of the last stage, or of a stage another stage is built `FROM` (hadolint's
 *  DL3009/DL3060 logic). `ONBUILD RUN` triggers always count: they run in a child image. */
export function inShippedStages(
  dockerfile: DockerfileModel,
  leavesResidue: (run: RunInstruction) => boolean,
  message: string,
): DockerViolation[] {
  const baseImages = new Set(dockerfile.stages.map((stage) => stage.image.toLowerCase()));
  const lastStage = dockerfile.stages.length - 1;
  const shipped = (stageIndex: number): boolean => {
    if (stageIndex === lastStage) return true;
    const alias = dockerfile.stages[stageIndex]?.alias;
    return alias !== undefined && baseImages.has(alias);
  };
  return runInstructions(dockerfile)
    .filter((run) => (run.onbuild || shipped(run.instruction.stage)) && leavesResidue(run))
    .map((run) => at(run.instruction, message));
}
