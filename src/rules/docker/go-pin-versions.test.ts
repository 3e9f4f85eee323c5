import { ruleTester } from '../../../test/support/rules.js';
import { goPinVersions } from './go-pin-versions.js';

ruleTester(goPinVersions, {
  valid: [
    'FROM a:1\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    'FROM a:1\nRUN go build ./... && go install .\n',
    'FROM a:1\nRUN go run ./cmd/gen --out x\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN go install golang.org/x/tools/gopls@latest\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN go get example.com/pkg\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in go install. Instead of `go install <package>` use `go install <package>@<version>`',
        },
      ],
    },
  ],
});
