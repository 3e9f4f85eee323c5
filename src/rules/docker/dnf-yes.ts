import { hasFlag, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const dnfYes = commandRule(
  {
    id: 'DL3038',
    name: 'dnf-yes',
    severity: 'medium',
    title: 'Use the `-y` switch with dnf install',
    description:
      'Flags `dnf`/`microdnf` `install`/`groupinstall`/`localinstall` without `-y`/`--assumeyes`.',
    rationale: "A build has no one to answer dnf's prompt: without `-y` the step aborts.",
    fix: '```dockerfile\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n```',
  },
  'Use the -y switch to avoid manual input `dnf install -y <package>`.',
  (command) =>
    isCommand(command, ['dnf', 'microdnf'], 'install', 'groupinstall', 'localinstall') &&
    !hasFlag(command, 'y', 'assumeyes'),
);
