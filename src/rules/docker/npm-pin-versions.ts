import {
  argsWithoutFlags,
  dropFlagValues,
  isCommand,
  type ShellCommand,
} from '../../sources/shell.js';
import { commandRule } from './run.js';

// npm options that take a value in the next word.
const VALUE_OPTIONS = [
  'registry',
  'loglevel',
  'prefix',
  'cache',
  'userconfig',
  'globalconfig',
  'tag',
  'omit',
  'include',
  'workspace',
  'w',
  'install-strategy',
  'otp',
  'location',
];
const GIT = ['git://', 'git+ssh://', 'git+http://', 'git+https://'];
const TARBALL = ['.tar', '.tar.gz', '.tgz'];
const FOLDER = ['/', './', '../', '~/'];

function pinned(pkg: string): boolean {
  if (GIT.some((prefix) => pkg.startsWith(prefix))) return pkg.includes('#');
  if (TARBALL.some((suffix) => pkg.endsWith(suffix))) return true;
  if (FOLDER.some((prefix) => pkg.startsWith(prefix))) return true;
  // `@scope/name@1.2.3`: the version follows the `@` after the scope.
  const name = pkg.startsWith('@') ? pkg.slice(Math.max(pkg.indexOf('/'), 1)) : pkg;
  return name.includes('@');
}

function packages(command: ShellCommand): string[] {
  if (!isCommand(command, 'npm', 'install')) return [];
  const args = argsWithoutFlags(dropFlagValues(command, VALUE_OPTIONS));
  // `npm run --x install` runs a script called install.
  if (args[0] !== 'install') return [];
  return args.slice(1).filter((arg) => arg !== 'install');
}

export const npmPinVersions = commandRule(
  {
    id: 'DL3016',
    name: 'npm-pin-versions',
    severity: 'medium',
    title: 'Pin versions in npm',
    description:
      "Flags `npm install <package>` without `@<version>` (a git URL needs `#<commit>`); `npm install` of the project's own package.json, folders and tarballs are fine.",
    rationale:
      'Without a pinned version each build installs the newest release: builds stop being reproducible and a new release can break the image unnoticed.',
    fix: '```dockerfile\nRUN npm install -g typescript@5.6.3\n```',
  },
  'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
  (command) => packages(command).some((pkg) => !pinned(pkg)),
);
