import { defineDockerRule } from '../define.js';
import { at, flagValue } from './helpers.js';

export const noRedundantTargetPlatform = defineDockerRule({
  meta: {
    id: 'DL3065',
    name: 'no-redundant-target-platform',
    severity: 'medium',
    title: 'Setting FROM --platform to predefined $TARGETPLATFORM is redundant',
    description: '`FROM --platform=$TARGETPLATFORM` repeats the default.',
    rationale: 'Stages already build for the target platform; the flag only adds noise.',
    fix: '```dockerfile\nFROM alpine:3.20\n```',
  },
  check: (dockerfile) =>
    dockerfile.stages
      .filter((stage) =>
        /^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(flagValue(stage.from, 'platform') ?? ''),
      )
      .map((stage) =>
        at(
          stage.from,
          'Setting FROM --platform to predefined $TARGETPLATFORM is redundant as this is the default behavior',
        ),
      ),
});
