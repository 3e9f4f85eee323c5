import { isCommand } from '../../sources/shell.js';
import { hasCacheMount, runRule } from './run.js';
import { cleansAfterInstall, removesDirectory } from './rpm-packages.js';

export const yumCleanAll = runRule(
  {
    id: 'DL3032',
    name: 'yum-clean-all',
    severity: 'medium',
    title: '`yum clean all` missing after yum install',
    description:
      'Flags a `RUN` with `yum install` that does not run `yum clean all` (or remove `/var/cache/yum`) afterwards.',
    rationale:
      'yum keeps its metadata and downloaded packages in `/var/cache/yum`; unless the same `RUN` removes them they stay in the layer and bloat the image.',
    fix: '```dockerfile\nRUN yum install -y httpd-2.4.57 && yum clean all\n```',
  },
  '`yum clean all` missing after yum command.',
  (shell, instruction) =>
    !hasCacheMount(instruction, '/var/cache/yum') &&
    !cleansAfterInstall(
      shell,
      (command) => isCommand(command, 'yum', 'install'),
      (command) =>
        (isCommand(command, 'yum', 'clean') && command.args.includes('all')) ||
        removesDirectory(command, ['/var/cache/yum']),
    ),
);
