import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noAnonymousUserBinding } from './no-anonymous-user-binding.js';

/** A `kind` binding of a service account and the group `group` (the second subject, line 9) to
 *  the view cluster role. */
const bindingOfGroup = (kind: string, group: string) =>
  binding(
    kind,
    [
      { kind: 'ServiceAccount', name: 'app' },
      { kind: 'Group', name: group },
    ],
    { kind: 'ClusterRole', name: 'view' },
  );

ruleTester(noAnonymousUserBinding, {
  valid: [
    {
      name: 'passes other subjects and other kinds',
      code: bindingOfGroup('RoleBinding', 'system:authenticated'),
    },
    {
      name: 'passes other subjects and other kinds',
      code: bindingOfGroup('Role', 'system:anonymous'),
    },
  ],
  invalid: [
    {
      name: 'flags system:anonymous on the subject',
      code: bindingOfGroup('ClusterRoleBinding', 'system:anonymous'),
      errors: [
        {
          line: 9,
          message: "ClusterRoleBinding 'b' should not bind to 'system:anonymous'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
    {
      name: 'flags system:unauthenticated on the subject',
      code: bindingOfGroup('ClusterRoleBinding', 'system:unauthenticated'),
      errors: [
        {
          line: 9,
          message: "ClusterRoleBinding 'b' should not bind to 'system:unauthenticated'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
    {
      name: 'matches the binding kind case-insensitively, as Trivy does',
      code: bindingOfGroup('ClusterRolebinding', 'system:anonymous'),
      errors: [
        {
          line: 9,
          message: "ClusterRolebinding 'b' should not bind to 'system:anonymous'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
  ],
});
