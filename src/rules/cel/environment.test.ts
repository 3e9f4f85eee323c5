import { describe, expect, it } from 'vitest';
import {
  kubernetesCel,
  toCel,
  CelError,
  unescapeFieldName,
  parseKubernetesMinor,
} from './environment.js';

const cel = kubernetesCel('1.35', ['object']);
const run = (expression: string, object: unknown = {}) =>
  cel.compile(expression).evaluate({ object: toCel(object) }).value;
const error = (fn: () => unknown): CelError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof CelError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('Kubernetes CEL environment', () => {
  it('reads JSON integers as 64-bit ints and keeps doubles', () => {
    expect(run('object.spec.replicas + 1', { spec: { replicas: 3 } })).toBe(4n);
    expect(run('type(object.x) == double', { x: 1.5 })).toBe(true);
    expect(run('object.big == 9007199254740993', { big: 9007199254740993n })).toBe(true);
  });

  it('matches with RE2 semantics (named groups, no backtracking syntax)', () => {
    expect(run("'ab'.matches('a(?P<x>b)')")).toBe(true);
    expect(run('object.s.matches(object.p)', { s: 'ab', p: 'a(?P<x>b)' })).toBe(true);
    const lookahead = error(() => cel.compile("'ab'.matches('a(?=b)')"));
    expect(lookahead.phase).toBe('compile');
    expect(lookahead.position).toMatchObject({ line: 1, column: 14 });
    expect(error(() => run('object.s.matches(object.p)', { s: 'a', p: '(?=a)' })).phase).toBe(
      'runtime',
    );
  });

  it('finds with RE2', () => {
    expect(run("'abc 123 def 456'.findAll('[0-9]+')")).toEqual(['123', '456']);
    expect(run("'abc 123 def 456'.findAll('[0-9]+', 1)")).toEqual(['123']);
    expect(run("'abc'.find('[0-9]+')")).toBe('');
  });

  it('stops a hostile expression at the per-expression cost limit', () => {
    const hostile =
      'lists.range(1000).all(a, lists.range(1000).all(b, lists.range(1000).all(c, a + b + c >= 0)))';
    const e = error(() => run(hostile));
    expect(e.message).toMatch(/cost limit exceeded/);
    expect(error(() => cel.compile('[1,2,3].map(x, x * 2)').evaluate({}, 5)).message).toMatch(
      /cost limit/,
    );
    expect(cel.compile('[1,2,3].map(x, x * 2)').evaluate({}).cost).toBeGreaterThan(3);
  });

  it('stops doubling concatenation by its size', () => {
    let expression = "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'";
    for (let i = 0; i < 40; i++) expression = `cel.bind(s${i}, ${expression}, s${i} + s${i})`;
    expect(error(() => run(expression)).message).toMatch(/cost limit|Invalid string length/);
  });

  it('reports compile errors with line and column', () => {
    const e = error(() => cel.compile('object.a &&\n  object.b +* 1'));
    expect(e.phase).toBe('compile');
    expect(e.position?.line).toBe(2);
  });

  it('gates libraries on the target version (new expressions from introduced + 1)', () => {
    expect(() => kubernetesCel('1.30', []).compile("ip('1.2.3.4').family() == 4")).toThrow(
      CelError,
    );
    expect(() => kubernetesCel('1.31', []).compile("ip('1.2.3.4').family() == 4")).not.toThrow();
    expect(() => kubernetesCel('1.32', ['object']).compile('object.all(k, v, v != null)')).toThrow(
      CelError,
    );
    expect(
      kubernetesCel('1.33', ['object'])
        .compile('object.all(k, v, v != null)')
        .evaluate({ object: { a: 1n } }).value,
    ).toBe(true);
    expect(() => parseKubernetesMinor('latest')).toThrow(/kubernetesVersion/);
  });

  it('two-variable comprehensions over lists and maps', () => {
    expect(run('object.l.all(i, v, v > i)', { l: [1, 2, 3] })).toBe(true);
    expect(run("object.m.transformMap(k, v, v + '!')", { m: { a: 'x' } })).toEqual(
      new Map([['a', 'x!']]),
    );
    expect(run('object.l.transformList(i, v, i < 1, v * 10)', { l: [1, 2] })).toEqual([10n]);
  });

  it('unescapes property names the way the API server does', () => {
    expect(unescapeFieldName('__namespace__')).toBe('namespace');
    expect(unescapeFieldName('a__dash__b__dot__c__slash__d')).toBe('a-b.c/d');
    expect(run('object.__if__ + object.x__dash__y', { if: 1, 'x-y': 2 })).toBe(3n);
  });

  it('does not read prototype properties of objects', () => {
    expect(run("has(object.constructor) || 'toString' in object", {})).toBe(false);
    expect(run('object.__proto__.x', JSON.parse('{"__proto__": {"x": 1}}'))).toBe(1n);
    expect(error(() => run('object.__proto__', {})).phase).toBe('runtime');
  });

  it('has strings ext, quantity, semver, ip and format', () => {
    expect(run("'%s has %d replicas'.format(['web', 3])")).toBe('web has 3 replicas');
    expect(run("quantity('500m').isLessThan(quantity('1'))")).toBe(true);
    expect(run("semver('1.2.3').isGreaterThan(semver('1.2.3-rc.1'))")).toBe(true);
    expect(run("cidr('10.0.0.0/8').containsIP('10.1.2.3')")).toBe(true);
    expect(run("format.dns1123Label().validate('ok').hasValue()")).toBe(false);
  });
});
