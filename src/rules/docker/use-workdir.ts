import { commandRule } from './run.js';

export const useWorkdir = commandRule(
  {
    id: 'DL3003',
    name: 'use-workdir',
    severity: 'medium',
    title: 'Use WORKDIR to switch to a directory',
    description: 'Flags `cd` in a `RUN` instruction.',
    rationale:
      '`cd` only lasts for the one `RUN`; `WORKDIR` sets the directory for every later instruction and for the container, and is visible to anyone reading the Dockerfile.',
    fix: '```dockerfile\nWORKDIR /usr/src/app\nRUN make install\n```',
  },
  'Use WORKDIR to switch to a directory',
  (command) => command.name === 'cd',
);
