import { hasFlag, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const zypperNonInteractive = commandRule(
  {
    id: 'DL3034',
    name: 'zypper-non-interactive',
    severity: 'medium',
    title: 'Non-interactive switch missing from zypper command',
    description:
      'Flags `zypper install`/`remove`/`source-install`/`patch` without `-y`/`--no-confirm` or `-n`/`--non-interactive`.',
    rationale: "A build has no one to answer zypper's prompt: without the switch the step aborts.",
    fix: '```dockerfile\nRUN zypper install -y httpd=2.4.57 && zypper clean\n```',
  },
  'Non-interactive switch missing from `zypper` command: `zypper install -y`',
  (command) =>
    isCommand(
      command,
      'zypper',
      'install',
      'in',
      'remove',
      'rm',
      'source-install',
      'si',
      'patch',
    ) && !hasFlag(command, 'no-confirm', 'y', 'n', 'non-interactive'),
);
