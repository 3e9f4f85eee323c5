import { defineDockerRule } from '../define.js';

const IGNORE_PRAGMA = /^hadolint\s+ignore\s*=/i;

export const noInlineIgnorePragmas = defineDockerRule({
  meta: {
    id: 'DL1001',
    name: 'no-inline-ignore-pragmas',
    severity: 'info',
    optional: true,
    title: 'Inline ignore pragma',
    description: 'Flags `# hadolint ignore=...` comments.',
    rationale:
      'Teams that want every exception reviewed in one place (a policy file or `.hadolint.yaml`) forbid exceptions hidden next to the code.',
    fix: 'Move the exception to the policy file or `.hadolint.yaml`:\n\n```yaml\nignored:\n  - DL3008\n```',
  },
  check: (dockerfile) =>
    dockerfile.comments
      .filter((comment) => IGNORE_PRAGMA.test(comment.text))
      .map((comment) => ({
        message: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
        line: comment.line,
      })),
});
