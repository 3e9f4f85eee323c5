import { isCommand } from '../../sources/shell.js';
import { hasCacheMount, runRule } from './run.js';
import { cleansAfterInstall } from './rpm-packages.js';

export const zypperClean = runRule(
  {
    id: 'DL3036',
    name: 'zypper-clean',
    severity: 'medium',
    title: '`zypper clean` missing after zypper install',
    description:
      'Flags a `RUN` with `zypper install` that does not run `zypper clean` afterwards, unless `/var/cache/zypp` is a BuildKit cache or tmpfs mount.',
    rationale:
      'zypper keeps repository metadata and packages in `/var/cache/zypp`; unless the same `RUN` cleans them they stay in the layer and bloat the image.',
    fix: '```dockerfile\nRUN zypper install -y httpd=2.4.57 && zypper clean\n```',
  },
  '`zypper clean` missing after zypper use.',
  (shell, instruction) =>
    !hasCacheMount(instruction, '/var/cache/zypp') &&
    !cleansAfterInstall(
      shell,
      (command) => isCommand(command, 'zypper', 'install', 'in'),
      (command) => isCommand(command, 'zypper', 'clean', 'cc'),
    ),
);
