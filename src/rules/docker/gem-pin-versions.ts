import { isCommand, type ShellCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

// `gem install` options that take no value: the word after any other `--option` is its value.
const BOOLEAN_OPTIONS = new Set([
  'both',
  'conservative',
  'debug',
  'default',
  'development',
  'development-all',
  'env-shebang',
  'explain',
  'force',
  'ignore-dependencies',
  'local',
  'lock',
  'minimal-deps',
  'post-install-message',
  'prerelease',
  'quiet',
  'remote',
  'silent',
  'suggestions',
  'user-install',
  'vendor',
  'verbose',
  'wrappers',
  'backtrace',
  'norc',
  'system',
]);

/** Gems named by `gem install`/`gem i`, up to `--` (what follows goes to the build). */
function gems(command: ShellCommand): string[] {
  const names: string[] = [];
  for (let index = 0; index < command.args.length; index++) {
    const arg = command.args[index];
    if (arg === '--') break;
    if (arg.startsWith('--')) {
      const option = arg.slice(2);
      if (!option.includes('=') && !option.startsWith('no-') && !BOOLEAN_OPTIONS.has(option))
        index++;
    } else if (!arg.startsWith('-') && arg !== 'install' && arg !== 'i') {
      names.push(arg);
    }
  }
  return names;
}

export const gemPinVersions = commandRule(
  {
    id: 'DL3028',
    name: 'gem-pin-versions',
    severity: 'medium',
    title: 'Pin versions in gem install',
    description:
      'Flags `gem install` of a gem without `:<version>` (and without `-v`/`--version`).',
    rationale:
      'Without a pinned version each build installs the newest release: builds stop being reproducible and a new major version can break the image.',
    fix: '```dockerfile\nRUN gem install bundler:2.5.6\n```',
  },
  'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
  (command) =>
    isCommand(command, 'gem', 'install', 'i') &&
    !command.args.some(
      (arg) => arg === '-v' || arg === '--version' || arg.startsWith('--version='),
    ) &&
    gems(command).some((gem) => !gem.includes(':')),
);
