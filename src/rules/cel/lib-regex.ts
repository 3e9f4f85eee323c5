// RE2 semantics for every regular expression: kubernetes.regex's find/findAll and the standard `matches`
// (which the engine would run as a JavaScript RegExp) both use re2js. Patterns RE2 rejects are errors.
import type { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import { celError } from './errors.js';
import { chargeCost } from './cost.js';

const cache = new Map<string, RE2JS>();

export function compileRE2(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (!re) {
    try {
      re = RE2JS.compile(pattern);
    } catch (error) {
      throw celError(
        `invalid regular expression ${JSON.stringify(pattern)}: ${(error as Error).message}`,
      );
    }
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function re2Matches(s: string, pattern: string): boolean {
  chargeCost(s.length >> 4);
  return compileRE2(pattern).matcher(s).find();
}

function findAll(s: string, pattern: string, limit: bigint): string[] {
  chargeCost(s.length >> 4);
  const matcher = compileRE2(pattern).matcher(s);
  const out: string[] = [];
  while ((limit < 0n || BigInt(out.length) < limit) && matcher.find())
    out.push(matcher.group() ?? '');
  return out;
}

/** The name the standard `matches` is rewritten to (see environment.ts). */
export const RE2_MATCHES = 'matchesRE2';

export function registerRegex(env: Environment): void {
  env
    .registerFunction(`string.${RE2_MATCHES}(string): bool`, re2Matches)
    .registerFunction(`${RE2_MATCHES}(string, string): bool`, re2Matches)
    .registerFunction('string.find(string): string', (s: string, p: string) => {
      chargeCost(s.length >> 4);
      const m = compileRE2(p).matcher(s);
      return m.find() ? (m.group() ?? '') : '';
    })
    .registerFunction('string.findAll(string): list<string>', (s: string, p: string) =>
      findAll(s, p, -1n),
    )
    .registerFunction('string.findAll(string, int): list<string>', findAll);
}
