import { ruleTester } from '../../../test/support/rules.js';
import { dnfCleanAll } from './dnf-clean-all.js';

ruleTester(dnfCleanAll, {
  valid: [
    'FROM a:1\nRUN dnf install -y x-1 && dnf clean all\n',
    'FROM a:1\nRUN dnf upgrade -y && rm -rf /var/cache/dnf/*\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x-1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN dnf install -y x-1\n',
      errors: [{ line: 2, message: '`dnf clean all` missing after dnf command.' }],
    },
    {
      code: 'FROM a:1\nRUN dnf clean all && dnf reinstall -y x-1\n',
      errors: [{ line: 2, message: '`dnf clean all` missing after dnf command.' }],
    },
  ],
});
