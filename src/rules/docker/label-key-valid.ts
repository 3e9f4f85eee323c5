import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';
import { labels } from './label-schema.js';

const RESERVED = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

function validKey(key: string): boolean {
  return (
    /^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key) &&
    !key.includes('..') &&
    !key.includes('--') &&
    !RESERVED.some((prefix) => key.startsWith(prefix))
  );
}

export const labelKeyValid = defineDockerRule({
  meta: {
    id: 'DL3048',
    name: 'label-key-valid',
    severity: 'info',
    title: 'Invalid label key',
    description:
      'Label keys should be lower-case letters, digits, `.` and `-`, start with a letter, end with a letter or digit, and not use the namespaces Docker reserves.',
    rationale:
      "Docker's label guidelines keep keys portable and reserve `com.docker.*`, `io.docker.*` and `org.dockerproject.*` for Docker itself.",
    fix: '```dockerfile\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n```',
    references: ['https://docs.docker.com/engine/manage-resources/labels/'],
  },
  check: (dockerfile) =>
    labels(dockerfile)
      .filter((label) => !validKey(label.name))
      .map((label) => at(label.instruction, `Invalid label key \`${label.name}\``)),
});
