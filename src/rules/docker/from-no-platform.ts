import { defineDockerRule } from '../define.js';
import { at, flagValue } from './helpers.js';

export const fromNoPlatform = defineDockerRule({
  meta: {
    id: 'DL3029',
    name: 'from-no-platform',
    severity: 'medium',
    title: 'Do not use --platform flag with FROM',
    description:
      '`FROM --platform=` must not hard-code a platform (build arguments such as `$BUILDPLATFORM` are fine).',
    rationale:
      'A fixed platform makes the Dockerfile build the wrong architecture for everyone else; choose the platform at build time with `docker build --platform`.',
    fix: '```dockerfile\nFROM --platform=$BUILDPLATFORM golang:1.23 AS build\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      .filter((stage) => {
        const platform = flagValue(stage.from, 'platform');
        return platform !== undefined && !platform.includes('$');
      })
      .map((stage) => at(stage.from, 'Do not use --platform flag with FROM')),
});
