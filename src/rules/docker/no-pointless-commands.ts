import { commandRule } from './run.js';

// Interactive tools and service/process control that do nothing useful in an image build.
const POINTLESS = new Set([
  'free',
  'kill',
  'mount',
  'ps',
  'service',
  'shutdown',
  'ssh',
  'top',
  'vim',
]);

export const noPointlessCommands = commandRule(
  {
    id: 'DL3001',
    name: 'no-pointless-commands',
    severity: 'low',
    title: 'Command makes no sense in a container build',
    description:
      'Flags `RUN` instructions that call `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill` or `mount`.',
    rationale:
      'A build step has no terminal, no init system and no other processes: interactive tools and service or process control either hang, fail or do nothing, and usually show a step copied from a setup guide for a real machine.',
    fix: 'Drop the command, or move what it does to the image configuration:\n\n```dockerfile\n# instead of: RUN service nginx start\nCMD ["nginx", "-g", "daemon off;"]\n```',
  },
  'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`',
  (command) => POINTLESS.has(command.name),
);
