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
    const { stages } = dockerfile;
    const parentOf = (index: number) =>
      stages.findIndex(
        (earlier) => earlier.index < index && earlier.alias === stages[index].image.toLowerCase(),
      );
    const hasHealthcheck = (index: number): boolean =>
      index >= 0 &&
      (stages[index].instructions.some((i) => i.keyword === 'HEALTHCHECK') ||
        hasHealthcheck(parentOf(index)));
    const isBase = (index: number) => stages.some((_, later) => parentOf(later) === index);
    return stages
      .filter((stage) => !isBase(stage.index) && !hasHealthcheck(stage.index))
      .map((stage) => at(stage.from, '`HEALTHCHECK` instruction missing.'));
  },
});
