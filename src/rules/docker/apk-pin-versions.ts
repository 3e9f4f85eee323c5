import { argsWithoutFlags, dropFlagValues, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const apkPinVersions = commandRule(
  {
    id: 'DL3018',
    name: 'apk-pin-versions',
    severity: 'medium',
    title: 'Pin versions in apk add',
    description:
      'Flags `apk add` of a package without a version constraint (`=`, `~`, `>`...) that is not a local `.apk` file.',
    rationale:
      'Without a pinned version each build installs whatever the repository has that day: builds stop being reproducible and an update can break the image unnoticed.',
    fix: '```dockerfile\nRUN apk add --no-cache curl=8.5.0-r0\n```',
  },
  'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
  (command) =>
    isCommand(command, 'apk', 'add') &&
    argsWithoutFlags(dropFlagValues(command, ['t', 'virtual', 'repository', 'X']))
      .filter((arg) => arg !== 'add')
      .some((pkg) => !/[=~<>]/.test(pkg) && !pkg.endsWith('.apk')),
);
