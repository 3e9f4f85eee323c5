import { role, ruleTester } from '../../../../test/support/rules.js';
import { noAttachToPods } from './no-attach-to-pods.js';

ruleTester(noAttachToPods, {
  valid: [
    {
      name: 'passes attach without get on pods',
      code: role('Role', [{ apiGroups: ['*'], resources: ['pods/attach'], verbs: ['create'] }]),
    },
    {
      name: 'passes get on pods only',
      code: role('Role', [{ apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }]),
    },
    {
      name: 'passes a named API group',
      code: role('Role', [
        { apiGroups: [''], resources: ['pods/attach'], verbs: ['create'] },
        { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] },
      ]),
    },
  ],
  invalid: [
    {
      name: 'flags create on pods/attach with get on pods, on the attach entry',
      code: role('Role', [
        { apiGroups: ['*'], resources: ['pods/attach'], verbs: ['create'] },
        { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] },
      ]),
      errors: [
        { line: 6, message: "Role 'r' permits attaching to shell on pods", path: ['rules', 0] },
      ],
    },
  ],
});
