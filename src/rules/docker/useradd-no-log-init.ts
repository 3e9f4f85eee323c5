import { flagValues, hasFlag } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const useraddNoLogInit = commandRule(
  {
    id: 'DL3046',
    name: 'useradd-no-log-init',
    severity: 'medium',
    title: '`useradd` with a high UID needs `-l`',
    description:
      'Flags `useradd -u <uid>` with a UID of more than five digits and without `-l`/`--no-log-init`.',
    rationale:
      '`useradd` reserves space for the user in the sparse files `/var/log/lastlog` and `/var/log/faillog`; with a large UID these become huge, and image layers store them in full.',
    fix: '```dockerfile\nRUN useradd -l -u 123456 app\n```',
  },
  '`useradd` without flag `-l` and high UID will result in excessively large Image.',
  (command) =>
    command.name === 'useradd' &&
    !hasFlag(command, 'l', 'no-log-init') &&
    hasFlag(command, 'u', 'uid') &&
    flagValues(command, 'u', 'uid').some((uid) => uid.length > 5),
);
