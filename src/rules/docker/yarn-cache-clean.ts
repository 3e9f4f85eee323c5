import { defineDockerRule } from '../define.js';
import { isCommand } from '../../sources/shell.js';
import { hasCacheMount, inShippedStages } from './run.js';
import { cleansAfterInstall } from './rpm-packages.js';

const MESSAGE = '`yarn cache clean` missing after `yarn install` was run.';
const CACHE_DIRECTORIES = ['/root/.cache/yarn', '/usr/local/share/.cache/yarn'];

export const yarnCacheClean = defineDockerRule({
  meta: {
    id: 'DL3060',
    name: 'yarn-cache-clean',
    severity: 'low',
    title: '`yarn cache clean` missing after `yarn install`',
    description:
      'Flags a `RUN` with `yarn install` that does not run `yarn cache clean` afterwards, in a stage that ends up in an image, unless the yarn cache is a BuildKit cache or tmpfs mount.',
    rationale:
      "yarn's cache holds a copy of every package it installed; in an image it is never used again and can be larger than `node_modules` itself.",
    fix: '```dockerfile\nRUN yarn install --frozen-lockfile && yarn cache clean\n```',
  },
  check: (dockerfile) =>
    inShippedStages(
      dockerfile,
      ({ shell, instruction }) =>
        !CACHE_DIRECTORIES.some((directory) => hasCacheMount(instruction, directory)) &&
        !cleansAfterInstall(
          shell,
          (command) => isCommand(command, 'yarn', 'install'),
          (command) => isCommand(command, 'yarn', 'cache') && command.args.includes('clean'),
        ),
      MESSAGE,
    ),
});
