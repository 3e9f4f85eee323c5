import { hasFlag, isCommand } from '../../sources/shell.js';
import { commandRule } from './run.js';

export const wgetProgress = commandRule(
  {
    id: 'DL3047',
    name: 'wget-progress',
    severity: 'low',
    title: '`wget` without `--progress` bloats the build log',
    description:
      'Flags `wget` without `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`, `-a`).',
    rationale:
      'Without a terminal, `wget` prints a progress line every few kilobytes: a large download fills the build log with thousands of lines.',
    fix: '```dockerfile\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n```',
  },
  'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`.Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
  (command) =>
    command.name === 'wget' &&
    !hasFlag(command, 'progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output') &&
    !hasFlag(command, 'no-verbose') &&
    !isCommand(command, 'wget', '-nv'),
);
