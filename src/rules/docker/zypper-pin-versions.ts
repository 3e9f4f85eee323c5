import { commandRule } from './run.js';
import { installedPackages } from './rpm-packages.js';

export const zypperPinVersions = commandRule(
  {
    id: 'DL3037',
    name: 'zypper-pin-versions',
    severity: 'medium',
    title: 'Specify version with `zypper install -y <package>=<version>`',
    description:
      'Flags `zypper install` of a package without a version (`=`, `>=`, `<`...) that is not an `.rpm` file.',
    rationale:
      'Without a pinned version each build installs whatever the repository has that day: builds stop being reproducible and an update can break the image unnoticed.',
    fix: '```dockerfile\nRUN zypper install -y httpd=2.4.57 && zypper clean\n```',
  },
  'Specify version with `zypper install -y <package>=<version>`.',
  (command) =>
    installedPackages(command, ['zypper'], ['install', 'in']).some(
      (pkg) => !/[=<>]/.test(pkg) && !pkg.endsWith('.rpm'),
    ),
);
