import { defineDockerRule } from '../define.js';
import { at } from './helpers.js';

export const healthcheckPresent = defineDockerRule({
  meta: {
    id: 'DL3057',
    name: 'healthcheck-present',
    severity: 'info',
    optional: true,
    title: 'HEALTHCHECK instruction missing',
    description:
      'Each stage that no other stage builds on needs a `HEALTHCHECK`, its own or inherited; `HEALTHCHECK NONE` counts.',
    rationale:
      'Docker and Swarm only know a container is healthy, not merely running, when the image says how to check it. Kubernetes ignores it, so the rule is off by default.',
    fix: '```dockerfile\nHEALTHCHECK --interval=30s --timeout=3s CMD ["/app/healthcheck"]\n```',
  },
  check: (dockerfile) => {
    // A stage another stage builds on is not shipped itself: only the leaves need a HEALTHCHECK,
    // their own or one inherited from a stage they build on.
    // In stage order, so a base's answer is known before the stages built on it.
    const { stages } = dockerfile;
    const hasHealthcheck: boolean[] = [];
    const bases = new Set<number>();
    for (const { index, base, instructions } of stages) {
      hasHealthcheck[index] =
        instructions.some((i) => i.keyword === 'HEALTHCHECK') ||
        (base !== undefined && hasHealthcheck[base]);
      if (base !== undefined) bases.add(base);
    }
    return stages
      .filter((stage) => !bases.has(stage.index) && !hasHealthcheck[stage.index])
      .map((stage) => at(stage.from, '`HEALTHCHECK` instruction missing.'));
  },
});
