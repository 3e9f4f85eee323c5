import { argsWithoutFlags, dropFlagValues, isCommand } from '../../sources/shell.js';
import type { ShellCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

/** Packages named by `apt-get install` (not the values of `-t`/`--target-release` or `-o`). */
export function aptGetPackages(command: ShellCommand): string[] {
  if (!isCommand(command, 'apt-get', 'install')) return [];
  return argsWithoutFlags(dropFlagValues(command, ['t', 'target-release', 'o', 'option'])).filter(
    (arg) => arg !== 'install',
  );
}

/** `pkg=1.2`, a release (`pkg/bookworm`), or a local `.deb` file. */
const pinned = (pkg: string) => pkg.includes('=') || pkg.includes('/') || pkg.endsWith('.deb');

export const aptGetPinVersions = commandRule(
  {
    id: 'DL3008',
    name: 'apt-get-pin-versions',
    severity: 'medium',
    title: 'Pin versions in apt-get install',
    description: 'Flags `apt-get install` of a package without `=<version>`.',
    rationale:
      'Without a pinned version each build installs whatever the mirror has that day: builds stop being reproducible and an update can break the image without any change to the Dockerfile.',
    fix: '```dockerfile\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*\n```',
  },
  'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
  (command) => aptGetPackages(command).some((pkg) => !pinned(pkg)),
);
