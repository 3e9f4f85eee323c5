import { hasFlag, isCommand } from '../../sources/shell.js';
import { hasCacheMount, runRule } from './run.js';

export const apkNoCache = runRule(
  {
    id: 'DL3019',
    name: 'apk-no-cache',
    severity: 'low',
    title: 'Use `apk add --no-cache`',
    description:
      'Flags `apk add` without `--no-cache`, unless `/var/cache/apk` is a BuildKit cache or tmpfs mount.',
    rationale:
      'Without `--no-cache` the package index and downloaded packages stay in `/var/cache/apk` and ship in the layer; `--no-cache` also makes `--update` and a later `rm -rf /var/cache/apk/*` unnecessary.',
    fix: '```dockerfile\nRUN apk add --no-cache curl=8.5.0-r0\n```',
  },
  'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
  (shell, instruction) =>
    !hasCacheMount(instruction, '/var/cache/apk') &&
    shell.commands.some(
      (command) => isCommand(command, 'apk', 'add') && !hasFlag(command, 'no-cache'),
    ),
);
