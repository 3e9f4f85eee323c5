// `npm run demo`: scans examples/ with the bundled CLI, the way a user would run it, with a
// helm binary from the npm packages (no download). The gate failing is the point of the demo,
// so its exit code is explained rather than passed on.
import { spawnSync } from 'node:child_process';
import { devHelm } from './dev-helm.js';

const helm = await devHelm(4);
const { status } = spawnSync(
  process.execPath,
  ['dist/cli.js', 'scan', 'examples', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, HELM_BIN: helm },
  },
);
console.log(
  status === 1
    ? '\nExit code 1: in a pull request, this step would fail and branch protection would block the merge.'
    : `\nExit code ${status}.`,
);
process.exitCode = status === 1 ? 0 : (status ?? 2);
