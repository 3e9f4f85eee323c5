import { hasFlag, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const yumYes = commandRule(
  {
    id: 'DL3030',
    name: 'yum-yes',
    severity: 'medium',
    title: 'Use the `-y` switch with yum install',
    description: 'Flags `yum install`/`groupinstall`/`localinstall` without `-y`/`--assumeyes`.',
    rationale: "A build has no one to answer yum's prompt: without `-y` the step aborts.",
    fix: '```dockerfile\nRUN yum install -y httpd-2.4.57 && yum clean all\n```',
  },
  'Use the -y switch to avoid manual input `yum install -y <package`',
  (command) =>
    isCommand(command, 'yum', 'install', 'groupinstall', 'localinstall') &&
    !hasFlag(command, 'y', 'assumeyes'),
);
