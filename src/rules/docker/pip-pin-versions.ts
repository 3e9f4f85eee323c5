import {
  argsWithoutFlags,
  dropFlagValues,
  hasFlag,
  type ShellCommand,
} from '../../sources/shell.js';
import { commandRule } from './run.js';
import { isPipInstall } from './pip.js';

// pip (and pipx) install options that take a value in the next word.
const VALUE_OPTIONS = [
  'abi',
  'b',
  'build',
  'e',
  'editable',
  'extra-index-url',
  'f',
  'find-links',
  'i',
  'index-url',
  'implementation',
  'no-binary',
  'only-binary',
  'platform',
  'prefix',
  'progress-bar',
  'proxy',
  'python-version',
  'root',
  'src',
  't',
  'target',
  'trusted-host',
  'upgrade-strategy',
  'root-user-action',
  'python',
  'cache-dir',
  'log',
  'timeout',
  'retries',
  'cert',
  'client-cert',
];
const VERSION_OPERATORS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS_SCHEMES = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

function packages(command: ShellCommand): string[] {
  const args = argsWithoutFlags(dropFlagValues(command, VALUE_OPTIONS));
  const install = args.indexOf('install');
  return install < 0 ? [] : args.slice(install + 1).filter((arg) => arg !== 'install');
}

function pinned(pkg: string): boolean {
  if (VERSION_OPERATORS.some((operator) => pkg.includes(operator))) return true;
  // A local wheel or source archive names its version.
  if (pkg.endsWith('.whl') || pkg.endsWith('.tar.gz')) return true;
  const vcs = VCS_SCHEMES.test(pkg);
  // A VCS URL needs `@<ref>`; any other path or URL is a local or downloaded source.
  return vcs ? pkg.includes('@') : pkg.includes('/');
}

/** Installs from a requirements file, a constraints file or the current project. */
function installsFromFile(command: ShellCommand): boolean {
  return (
    hasFlag(command, 'constraint', 'c', 'requirement') ||
    command.args.some((arg) => arg === '-r' || arg === '.' || /^-r\S/.test(arg))
  );
}

export const pipPinVersions = commandRule(
  {
    id: 'DL3013',
    name: 'pip-pin-versions',
    severity: 'medium',
    title: 'Pin versions in pip',
    description:
      'Flags `pip install` (and `pipx install`, `python -m pip install`) of a package without a version specifier, unless it installs from a requirements or constraints file.',
    rationale:
      'Without a pinned version each build installs the newest release: builds stop being reproducible and a new release can break the image unnoticed.',
    fix: '```dockerfile\nRUN pip install --no-cache-dir requests==2.32.3\n# or\nRUN pip install --no-cache-dir -r requirements.txt\n```',
  },
  'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
  (command) =>
    isPipInstall(command) &&
    !installsFromFile(command) &&
    packages(command).some((pkg) => !pinned(pkg)),
);
