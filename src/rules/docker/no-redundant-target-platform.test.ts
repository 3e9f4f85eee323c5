import { ruleTester } from '../../../test/support/rules.js';
import { noRedundantTargetPlatform } from './no-redundant-target-platform.js';

ruleTester(noRedundantTargetPlatform, {
  valid: ['FROM --platform=$BUILDPLATFORM a:1\n'],
  invalid: [
    {
      code: 'FROM a:1\nFROM --platform=${TARGETPLATFORM} b:1\n',
      errors: [
        {
          line: 2,
          message:
            'Setting FROM --platform to predefined $TARGETPLATFORM is redundant as this is the default behavior',
        },
      ],
    },
  ],
});
