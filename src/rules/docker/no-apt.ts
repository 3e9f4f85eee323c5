import { commandRule } from './run.js';

export const noApt = commandRule(
  {
    id: 'DL3027',
    name: 'no-apt',
    severity: 'medium',
    title: 'Do not use apt, use apt-get or apt-cache',
    description: 'Flags `apt` in a `RUN` instruction.',
    rationale:
      '`apt` is the interactive front end: its command-line interface is not stable and it warns when used in scripts. `apt-get` and `apt-cache` are meant for scripts.',
    fix: '```dockerfile\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10 \\\n && rm -rf /var/lib/apt/lists/*\n```',
  },
  'Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead',
  (command) => command.name === 'apt',
);
