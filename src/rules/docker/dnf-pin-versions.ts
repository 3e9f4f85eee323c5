import { isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';
import { installedPackages, rpmVersionPinned } from './rpm-packages.js';

const DNF = ['dnf', 'microdnf'];

export const dnfPinVersions = commandRule(
  {
    id: 'DL3041',
    name: 'dnf-pin-versions',
    severity: 'medium',
    title: 'Specify version with `dnf install -y <package>-<version>`',
    description:
      'Flags `dnf`/`microdnf install` of a package without `-<version>`, and `dnf module install` of a module without `:<stream>`. Group installs are not checked.',
    rationale:
      'Without a pinned version each build installs whatever the repository has that day: builds stop being reproducible and an update can break the image unnoticed.',
    fix: '```dockerfile\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n```',
  },
  'Specify version with `dnf install -y <package>-<version>`.',
  (command) =>
    isCommand(command, DNF, 'module')
      ? installedPackages(command, DNF, ['install', 'in']).some((module) => !module.includes(':'))
      : installedPackages(command, DNF, ['install', 'in'], ['group', 'groupinstall']).some(
          (pkg) => !rpmVersionPinned(pkg),
        ),
);
