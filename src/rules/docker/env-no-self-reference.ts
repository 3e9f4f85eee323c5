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
      .filter((instruction) => instruction.properties && selfReferences(instruction.properties))
      .map((instruction) =>
        at(
          instruction,
          'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
        ),
      ),
});

const WORD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const REFERENCE = /\$(?:\{([A-Za-z0-9_]+)(?=[:}+\-?=])|([A-Za-z0-9_]+))/g;

/** Whether a value uses a name set earlier in the same list: linear in the pairs for ordinary
 *  names (the names each value refers to, against a set), a search only for odd names. */
function selfReferences(pairs: ReadonlyArray<{ name: string; value: string | null }>): boolean {
  const earlier = new Set<string>();
  const oddNames: string[] = [];
  for (const { name, value } of pairs) {
    if (value !== null) {
      for (const match of value.matchAll(REFERENCE)) {
        if (earlier.has(match[1] ?? match[2])) return true;
      }
      if (oddNames.some((odd) => referencesVariable(value, odd))) return true;
    }
    if (WORD_NAME.test(name)) earlier.add(name);
    else oddNames.push(name);
  }
  return false;
}
