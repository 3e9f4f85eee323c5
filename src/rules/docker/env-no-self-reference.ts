import { defineDockerRule } from '../define.js';
import { at, referencesVariable, instructionsOf } from './helpers.js';

export const envNoSelfReference = defineDockerRule({
  meta: {
    id: 'DL3044',
    name: 'env-no-self-reference',
    severity: 'high',
    title:
      'Do not refer to an environment variable within the same ENV statement where it is defined',
    description: 'A value in `ENV a=1 b=$a` must not use a variable set earlier in the same `ENV`.',
    rationale:
      'Docker expands the whole `ENV` with the values from before it, so `$a` is the old value (often empty), not the one just set.',
    fix: '```dockerfile\nENV APP_HOME=/app\nENV APP_BIN=$APP_HOME/bin\n```',
  },
  check: (dockerfile) =>
    instructionsOf(dockerfile, 'ENV')
      .filter((instruction) => instruction.properties)
      .filter((instruction) => {
        const pairs = instruction.properties!;
        return pairs.some(({ value }, index) =>
          pairs
            .slice(0, index)
            .some(({ name }) => value !== null && referencesVariable(value, name)),
        );
      })
      .map((instruction) =>
        at(
          instruction,
          'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
        ),
      ),
});
