// Recognising `pip install` the way hadolint does: `pip`, `pip3`, `pip3.12`, `pipx` (but not
// `pipenv`), or `python -m pip install`.
import { basename, type ShellCommand } from '../../sources/shell.js';

function containsSequence(args: readonly string[], sequence: readonly string[]): boolean {
  return args.some((_arg, start) =>
    sequence.every((word, offset) => args[start + offset] === word),
  );
}

export function isPipInstall(command: ShellCommand): boolean {
  const name = basename(command.name);
  if (name.startsWith('pip') && name !== 'pipenv') return command.args.includes('install');
  return name.startsWith('python') && containsSequence(command.args, ['-m', 'pip', 'install']);
}

/** pipx and pipenv manage their own environments and caches. */
export function isPipWrapper(command: ShellCommand): boolean {
  const name = basename(command.name);
  if (name.includes('pipx') || name.includes('pipenv')) return true;
  return (
    name.startsWith('python') &&
    (containsSequence(command.args, ['-m', 'pipx']) ||
      containsSequence(command.args, ['-m', 'pipenv']))
  );
}
