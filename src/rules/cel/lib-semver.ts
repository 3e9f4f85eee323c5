// kubernetes.semver: Semantic Versioning 2.0.0 values, strict by default; `normalize` (semver v1 of the
// library) accepts a leading "v", missing minor/patch and leading zeros, as the Kubernetes library does.
import type { Environment } from '@marcbachmann/cel-js';
import { registerComparisons } from './comparable.js';
import { celError } from './errors.js';

const NUMERIC = /^(0|[1-9][0-9]*)$/;
const IDENTIFIER = /^[0-9A-Za-z-]+$/;

export class Semver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly pre: string[],
    readonly build: string[],
  ) {}

  static parse(text: string, normalize = false): Semver {
    let s = text;
    if (normalize) s = normalizeText(s);
    const plus = s.indexOf('+');
    const build = plus >= 0 ? s.slice(plus + 1).split('.') : [];
    if (plus >= 0) s = s.slice(0, plus);
    const dash = s.indexOf('-');
    const pre = dash >= 0 ? s.slice(dash + 1).split('.') : [];
    if (dash >= 0) s = s.slice(0, dash);
    const parts = s.split('.');
    if (parts.length !== 3) throw celError('No Major.Minor.Patch elements found');
    for (const [name, part] of [
      ['Major', parts[0]],
      ['Minor', parts[1]],
      ['Patch', parts[2]],
    ] as const)
      if (!NUMERIC.test(part!))
        throw celError(
          `Invalid character(s) found in ${name.toLowerCase()} number ${JSON.stringify(part)}`,
        );
    for (const id of pre)
      if (!IDENTIFIER.test(id) || (/^[0-9]+$/.test(id) && !NUMERIC.test(id)))
        throw celError(`Invalid character(s) found in prerelease ${JSON.stringify(id)}`);
    for (const id of build)
      if (!IDENTIFIER.test(id))
        throw celError(`Invalid character(s) found in build meta data ${JSON.stringify(id)}`);
    const [major, minor, patch] = parts.map((p) => BigInt(p)) as [bigint, bigint, bigint];
    return new Semver(major, minor, patch, pre, build);
  }

  compare(other: Semver): number {
    for (const k of ['major', 'minor', 'patch'] as const)
      if (this[k] !== other[k]) return this[k] < other[k] ? -1 : 1;
    if (!this.pre.length || !other.pre.length)
      return (other.pre.length ? 1 : 0) - (this.pre.length ? 1 : 0);
    for (let i = 0; i < Math.max(this.pre.length, other.pre.length); i++) {
      const a = this.pre[i];
      const b = other.pre[i];
      if (a === undefined) return -1;
      if (b === undefined) return 1;
      if (a === b) continue;
      const an = /^[0-9]+$/.test(a);
      const bn = /^[0-9]+$/.test(b);
      if (an && bn) return BigInt(a) < BigInt(b) ? -1 : 1;
      if (an !== bn) return an ? -1 : 1;
      return a < b ? -1 : 1;
    }
    return 0;
  }

  toString(): string {
    return `${this.major}.${this.minor}.${this.patch}${this.pre.length ? `-${this.pre.join('.')}` : ''}${this.build.length ? `+${this.build.join('.')}` : ''}`;
  }
}

function normalizeText(text: string): string {
  let s = text.startsWith('v') ? text.slice(1) : text;
  const rest = s.search(/[-+]/);
  const core = rest >= 0 ? s.slice(0, rest) : s;
  const suffix = rest >= 0 ? s.slice(rest) : '';
  const parts = core.split('.');
  while (parts.length < 3) parts.push('0');
  s = parts.map((p) => (/^[0-9]+$/.test(p) ? p.replace(/^0+(?=[0-9])/, '') : p)).join('.');
  return s + suffix;
}

const isSemver = (s: string, normalize = false) => {
  try {
    Semver.parse(s, normalize);
    return true;
  } catch {
    return false;
  }
};

export function registerSemver(env: Environment, withNormalize: boolean): void {
  env
    .registerType('kubernetes.Semver', Semver)
    .registerFunction('semver(string): kubernetes.Semver', (s: string) => Semver.parse(s))
    .registerFunction('isSemver(string): bool', (s: string) => isSemver(s))
    .registerFunction('string(kubernetes.Semver): string', (v: Semver) => v.toString())
    .registerFunction('kubernetes.Semver.major(): int', (v: Semver) => v.major)
    .registerFunction('kubernetes.Semver.minor(): int', (v: Semver) => v.minor)
    .registerFunction('kubernetes.Semver.patch(): int', (v: Semver) => v.patch);
  registerComparisons(env, 'kubernetes.Semver', (a: Semver, b: Semver) => a.compare(b));
  if (withNormalize)
    env
      .registerFunction('semver(string, bool): kubernetes.Semver', (s: string, n: boolean) =>
        Semver.parse(s, n),
      )
      .registerFunction('isSemver(string, bool): bool', (s: string, n: boolean) => isSemver(s, n));
}
