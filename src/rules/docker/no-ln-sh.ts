import { isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const noLnSh = commandRule(
  {
    id: 'DL4005',
    name: 'no-ln-sh',
    severity: 'medium',
    title: 'Use SHELL to change the default shell',
    description: 'Flags `ln` commands that replace `/bin/sh`.',
    rationale:
      'Relinking `/bin/sh` changes the shell of every program in the image, not just of the build; `SHELL` changes the shell the following `RUN` instructions use and says so.',
    fix: '```dockerfile\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\n```',
  },
  'Use SHELL to change the default shell',
  (command) => isCommand(command, 'ln', '/bin/sh'),
);
