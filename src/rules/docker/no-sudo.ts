import { commandRule } from './run.js';

export const noSudo = commandRule(
  {
    id: 'DL3004',
    name: 'no-sudo',
    severity: 'high',
    title: 'Do not use sudo',
    description: 'Flags `sudo` in a `RUN` instruction.',
    rationale:
      '`sudo` has unpredictable TTY and signal-forwarding behaviour and needs a sudoers setup in the image. Build steps run as the current `USER`: switch with `USER`, or use `gosu`/`su-exec` in an entrypoint to drop privileges at run time.',
    fix: '```dockerfile\nUSER root\nRUN apt-get update\nUSER app\n```',
  },
  'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
  (command) => command.name === 'sudo',
);
