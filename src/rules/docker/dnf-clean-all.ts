import { isCommand } from '../../sources/shell.js';
import { hasCacheMount, runRule } from './run.js';
import { cleansAfterInstall, removesDirectory } from './rpm-packages.js';

// dnf sub-commands (and their aliases) that download packages into the cache.
const INSTALLS = [
  'install',
  'in',
  'upgrade',
  'up',
  'upgrade-minimal',
  'up-min',
  'reinstall',
  'rei',
];
const CACHE_DIRECTORIES = ['/var/cache/yum', '/var/cache/dnf', '/var/cache/libdnf5'];

export const dnfCleanAll = runRule(
  {
    id: 'DL3040',
    name: 'dnf-clean-all',
    severity: 'medium',
    title: '`dnf clean all` missing after dnf command',
    description:
      'Flags a `RUN` with `dnf`/`microdnf` `install` (or `upgrade`, `reinstall`) that does not run `dnf clean all` or remove the dnf cache afterwards, unless the cache is a BuildKit cache or tmpfs mount.',
    rationale:
      'dnf keeps metadata and downloaded packages in its cache directory; unless the same `RUN` removes them they stay in the layer and bloat the image.',
    fix: '```dockerfile\nRUN dnf install -y httpd-2.4.57 && dnf clean all\n```',
  },
  '`dnf clean all` missing after dnf command.',
  (shell, instruction) =>
    !CACHE_DIRECTORIES.some((directory) => hasCacheMount(instruction, directory)) &&
    ['dnf', 'microdnf'].some(
      (dnf) =>
        !cleansAfterInstall(
          shell,
          (command) => isCommand(command, dnf, ...INSTALLS),
          (command) =>
            (isCommand(command, dnf, 'clean') && command.args.includes('all')) ||
            removesDirectory(command, CACHE_DIRECTORIES),
        ),
    ),
);
