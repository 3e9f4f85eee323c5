import { defineDockerRule } from '../define.js';
import type { DockerInstruction, DockerfileModel } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';
import { at } from './helpers.js';
import { isPipInstall, isPipWrapper } from './pip.js';
import { hasCacheMount } from './run.js';

const TRUTHY = ['1', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'yes', 'Yes', 'YES'];
const MESSAGE =
  'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.';

/** `PIP_NO_CACHE_DIR=<truthy>` set in the script itself (`export ...`, `VAR=... pip ...`). */
function scriptDisablesCache(script: string): boolean {
  const at = script.indexOf('PIP_NO_CACHE_DIR=');
  if (at < 0) return false;
  const value = script.slice(at + 'PIP_NO_CACHE_DIR='.length).replace(/^["']/, '');
  return TRUTHY.some((truthy) => value.startsWith(truthy));
}

function forgetsNoCacheDir(instruction: DockerInstruction): boolean {
  const shell = instruction.shell;
  if (!shell || hasCacheMount(instruction, '/root/.cache/pip')) return false;
  if (scriptDisablesCache(shell.script)) return false;
  return shell.commands.some(
    (command) =>
      isPipInstall(command) && !isPipWrapper(command) && !command.args.includes('--no-cache-dir'),
  );
}

/** Walks instructions keeping, per build stage, whether `ENV PIP_NO_CACHE_DIR` is truthy; a stage
 *  built `FROM` an earlier one inherits its setting. Stages are keyed by alias or image name, as
 *  hadolint does. */
function check(instructions: readonly DockerInstruction[]): DockerViolation[] {
  const noCache = new Map<string, boolean>();
  let current = '';
  const violations: DockerViolation[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [image = '', as, alias] = instruction.words;
      const name = as?.toLowerCase() === 'as' && alias ? alias : image;
      noCache.set(name, noCache.get(image) ?? false);
      current = name;
    } else if (instruction.keyword === 'ENV') {
      const value = instruction.properties?.find((pair) => pair.name === 'PIP_NO_CACHE_DIR');
      if (value) noCache.set(current, value.value !== null && TRUTHY.includes(value.value));
    } else if (instruction.keyword === 'RUN' && !noCache.get(current)) {
      if (forgetsNoCacheDir(instruction)) violations.push(at(instruction, MESSAGE));
    }
  }
  return violations;
}

export const pipNoCacheDir = defineDockerRule({
  meta: {
    id: 'DL3042',
    name: 'pip-no-cache-dir',
    severity: 'medium',
    title: 'Avoid the pip cache directory with `pip install --no-cache-dir`',
    description:
      'Flags `pip install` without `--no-cache-dir`, unless `PIP_NO_CACHE_DIR` is set (by `ENV` in the stage or its parent, or in the `RUN`) or the pip cache is a BuildKit cache or tmpfs mount.',
    rationale:
      'pip keeps downloaded and built packages in `~/.cache/pip`; in an image that cache is never used again and only makes the layer bigger.',
    fix: '```dockerfile\nRUN pip install --no-cache-dir requests==2.32.3\n# or\nENV PIP_NO_CACHE_DIR=1\n```',
  },
  check: (dockerfile: DockerfileModel) => [
    ...check(dockerfile.instructions.filter((instruction) => !instruction.trigger)),
    // ONBUILD triggers run in a child image: checked on their own, without stages.
    ...check(dockerfile.instructions.flatMap((instruction) => instruction.trigger ?? [])),
  ],
});
