import { isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const noZypperDistUpgrade = commandRule(
  {
    id: 'DL3035',
    name: 'no-zypper-dist-upgrade',
    severity: 'medium',
    title: 'Do not use `zypper dist-upgrade`',
    description: 'Flags `zypper dist-upgrade` / `zypper dup`.',
    rationale:
      'A distribution upgrade inside an image build changes the base image unpredictably; pick a newer base image instead, and update single packages where needed.',
    fix: '```dockerfile\nFROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n```',
  },
  'Do not use `zypper dist-upgrade`.',
  (command) => isCommand(command, 'zypper', 'dist-upgrade', 'dup'),
);
