import { defineDockerRule } from '../define.js';
import { isCommand } from '../../sources/shell.js';
import { hasCacheMount, inShippedStages } from './run.js';
import { removesDirectory } from './rpm-packages.js';

const MESSAGE = 'Delete the apt-get lists after installing something.';

export const aptGetDeleteLists = defineDockerRule({
  meta: {
    id: 'DL3009',
    name: 'apt-get-delete-lists',
    severity: 'low',
    title: 'Delete the apt-get lists after installing something',
    description:
      'Flags a `RUN` with `apt-get update` (or `apt`/`aptitude update`) that does not remove `/var/lib/apt/lists` in the same instruction, in a stage that ends up in an image. BuildKit cache or tmpfs mounts of the lists (or of `/var/lib/apt` and `/var/cache/apt`) are fine.',
    rationale:
      'The package lists are tens of megabytes that nothing in the running container needs; removed in a later `RUN` they still ship in the earlier layer.',
    fix: '```dockerfile\nRUN apt-get update \\\n && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 \\\n && rm -rf /var/lib/apt/lists/*\n```',
  },
  check: (dockerfile) =>
    inShippedStages(
      dockerfile,
      ({ shell, instruction }) =>
        shell.commands.some((command) =>
          isCommand(command, ['apt-get', 'apt', 'aptitude'], 'update'),
        ) &&
        !shell.commands.some((command) => removesDirectory(command, ['/var/lib/apt/lists'])) &&
        !hasCacheMount(instruction, '/var/lib/apt/lists') &&
        !(
          hasCacheMount(instruction, '/var/lib/apt') && hasCacheMount(instruction, '/var/cache/apt')
        ),
      MESSAGE,
    ),
});
