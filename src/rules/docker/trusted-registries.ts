import { defineDockerRule } from '../define.js';
import type { DockerInstruction } from '../../sources/dockerfile.js';
import type { DockerViolation } from '../types.js';
import { parseImageReference } from '../image-reference.js';
import { mountsOf } from './run.js';
import { at, flagValue, isStageName, instructionsOf } from './helpers.js';

export interface TrustedRegistriesOptions {
  /** Registries images may come from; `*.example.com` matches subdomains, `*` anything. Empty: off. */
  trustedRegistries: string[];
}

function trusted(registry: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return registry.endsWith(pattern.slice(1));
    return registry === pattern;
  });
}

/** The registry an image reference pulls from; Docker Hub when none is named. */
function registryOf(image: string): string {
  return parseImageReference(image).registry;
}

export const trustedRegistries = defineDockerRule<TrustedRegistriesOptions>({
  meta: {
    id: 'DL3026',
    name: 'trusted-registries',
    severity: 'high',
    title: 'Use only an allowed registry in the FROM image',
    description:
      "Images in `FROM`, `COPY --from` and `RUN --mount=from=` must come from a registry in the `trustedRegistries` option (hadolint's `trustedRegistries`). Off while the list is empty.",
    rationale:
      'Pulling from arbitrary registries bypasses the scanning, signing and availability guarantees of the registries your organisation trusts.',
    fix: '```yaml\nrules:\n  DL3026:\n    options:\n      trustedRegistries: [registry.example.com, "*.gcr.io"]\n```\n\n```dockerfile\nFROM registry.example.com/base/debian:12\n```',
  },
  options: {
    trustedRegistries: {
      type: 'array',
      items: { type: 'string' },
      default: [],
      description:
        "Registries images may come from (hadolint's `trustedRegistries`); `*.example.com` matches subdomains, `*` anything. Empty: the rule is off.",
    },
  },
  check: (dockerfile, { trustedRegistries: patterns }) => {
    if (!patterns?.length) return [];
    const violations: DockerViolation[] = [];
    const flagImage = (instruction: DockerInstruction, image: string) => {
      if (!image || image === 'scratch' || image.includes('$')) return;
      const before = instruction.keyword === 'FROM' ? instruction.stage : instruction.stage + 1;
      if (isStageName(image, dockerfile, before)) return;
      const registry = registryOf(image);
      if (!trusted(registry, patterns)) {
        violations.push(
          at(instruction, `Use only an allowed registry in the FROM image: ${registry}`),
        );
      }
    };
    for (const instruction of instructionsOf(dockerfile)) {
      if (instruction.keyword === 'FROM') {
        flagImage(instruction, instruction.words[0] ?? '');
      } else if (instruction.keyword === 'COPY') {
        const from = flagValue(instruction, 'from');
        if (from && (from.includes(':') || from.includes('/'))) flagImage(instruction, from);
      } else if (instruction.keyword === 'RUN') {
        for (const { from } of mountsOf(instruction)) {
          if (from && (from.includes(':') || from.includes('/'))) flagImage(instruction, from);
        }
      }
    }
    return violations;
  },
});
