import { hasFlag, isCommand, type ShellCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

/** apt-get's quiet level: `-q` is 1, `-qq` or `-q -q` is 2, `-q=2` / `--quiet=2` say it. Level 2
 *  implies `--assume-yes`. */
function quietLevel(command: ShellCommand): number {
  let level = 0;
  for (const arg of command.args) {
    const explicit = /^(?:-q|--quiet)=(\d+)$/.exec(arg);
    if (explicit) level += Number(explicit[1]);
    else if (arg === '--quiet') level += 1;
    else if (/^-[A-Za-z]+$/.test(arg)) level += [...arg].filter((char) => char === 'q').length;
  }
  return level;
}

export const aptGetYes = commandRule(
  {
    id: 'DL3014',
    name: 'apt-get-yes',
    severity: 'medium',
    title: 'Use the `-y` switch with apt-get install',
    description:
      'Flags `apt-get install` without `-y`/`--yes`/`--assume-yes` (or `-qq`, which implies it).',
    rationale:
      'A build has no one to answer apt-get\'s "Do you want to continue?": without `-y` the step aborts as soon as a package pulls in dependencies.',
    fix: '```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n```',
  },
  'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
  (command) =>
    isCommand(command, 'apt-get', 'install') &&
    !hasFlag(command, 'y', 'yes', 'assume-yes') &&
    quietLevel(command) < 2,
);
