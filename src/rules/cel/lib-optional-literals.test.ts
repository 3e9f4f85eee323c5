import { describe, expect, it } from 'vitest';
import { markOptionalEntries } from './lib-optional-literals.js';
import type { CelError } from './environment.js';
import { celGoCompileError, formatCel, kubernetesCel } from './environment.js';

const cel = kubernetesCel('1.35', ['object']);
const evaluate = (expression: string) =>
  formatCel(cel.compile(expression).evaluate({ object: { spec: { replicas: 3n } } }).value);
const compileError = (expression: string, version = '1.35') => {
  try {
    kubernetesCel(version, ['object']).compile(expression);
  } catch (error) {
    return celGoCompileError(expression, error as CelError);
  }
  return 'compiled';
};

describe('optional entries of list and map literals', () => {
  it('are found only where a literal entry starts', () => {
    expect(markOptionalEntries("[a, ?b] + {?'k': v, 'x': ?y}")?.markers).toEqual(new Set([4, 11]));
    for (const none of [
      "'[?x]' + \"{?k: v}\" + r'[?'",
      'a ? [b] : {c: d}',
      'a.?b.orValue(1)',
      'list[?0]',
      'f(a, b) // [?x]',
      'Msg{?f: v}',
    ])
      expect(markOptionalEntries(none), none).toBeUndefined();
    expect(markOptionalEntries('x in [?y]')?.markers).toEqual(new Set([6]));
  });

  it('include an entry only when its optional value is present', () => {
    expect(evaluate("['a', ?optional.none(), 'c']")).toBe('["a", "c"]');
    expect(evaluate('[?object.?spec.replicas, ?object.?spec.nope, 5]')).toBe('[3, 5]');
    expect(evaluate("{'a': 1, ?'b': optional.of(2), ?'c': optional.none(), 'd': 4}")).toBe(
      '{"a": 1, "b": 2, "d": 4}',
    );
    expect(evaluate('[[?optional.of(1)], [?optional.none()]]')).toBe('[[1], []]');
    expect(evaluate("object.spec.replicas > 1 ? 'x' : 'y'")).toBe('"x"');
  });

  it('keep positions right and require optional values', () => {
    expect(compileError('[?optional.of(1)].size() + zz')).toBe(
      "ERROR: <input>:1:28: undeclared reference to 'zz' (in container '')\n | [?optional.of(1)].size() + zz\n | ...........................^",
    );
    expect(compileError('[1, ?2]')).toBe(
      "ERROR: <input>:1:5: expected type 'optional_type' but found 'int' (an optional entry '?' needs an optional value)\n | [1, ?2]\n | ....^",
    );
    // Optional types are new expressions' from 1.29 on.
    expect(compileError('[?optional.of(1)]', '1.28')).toContain('Unexpected token: QUESTION');
  });
});
