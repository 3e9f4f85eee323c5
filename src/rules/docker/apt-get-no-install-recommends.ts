import { hasFlag, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const aptGetNoInstallRecommends = commandRule(
  {
    id: 'DL3015',
    name: 'apt-get-no-install-recommends',
    severity: 'low',
    title: 'Avoid additional packages with `--no-install-recommends`',
    description:
      'Flags `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
    rationale:
      'Recommended packages are not needed for the package to work; they make the image bigger and add software that must be patched.',
    fix: '```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5\n```',
  },
  'Avoid additional packages by specifying `--no-install-recommends`',
  (command) =>
    isCommand(command, 'apt-get', 'install') &&
    !hasFlag(command, 'no-install-recommends') &&
    !command.args.includes('APT::Install-Recommends=false'),
);
