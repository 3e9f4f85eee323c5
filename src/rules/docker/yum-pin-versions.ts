import { isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';
import { installedPackages, rpmVersionPinned } from './rpm-packages.js';

export const yumPinVersions = commandRule(
  {
    id: 'DL3033',
    name: 'yum-pin-versions',
    severity: 'medium',
    title: 'Specify version with `yum install -y <package>-<version>`',
    description:
      'Flags `yum install` of a package without `-<version>`, and `yum module install` of a module without `:<stream>`.',
    rationale:
      'Without a pinned version each build installs whatever the repository has that day: builds stop being reproducible and an update can break the image unnoticed.',
    fix: '```dockerfile\nRUN yum install -y httpd-2.4.57 && yum clean all\n```',
  },
  'Specify version with `yum install -y <package>-<version>`.',
  (command) =>
    isCommand(command, 'yum', 'module')
      ? installedPackages(command, ['yum'], ['install']).some((module) => !module.includes(':'))
      : installedPackages(command, ['yum'], ['install']).some((pkg) => !rpmVersionPinned(pkg)),
);
