// kubernetes.quantity: resource quantities ("500m", "1.5Gi") as exact decimals (mantissa x 10^exponent), so
// equality and comparison are exact across suffixes, like apimachinery's resource.Quantity.
import type { Environment } from '@marcbachmann/cel-js';
import { registerComparisons } from './comparable.js';
import { celError } from './errors.js';

const FORMAT = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const FORMAT_MESSAGE = `quantities must match the regular expression '${FORMAT.source}'`;
const DECIMAL: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

export class Quantity {
  private constructor(
    readonly mantissa: bigint,
    readonly exponent: number,
    private readonly text?: string,
  ) {}

  static of(mantissa: bigint, exponent: number, text?: string): Quantity {
    if (mantissa === 0n) return new Quantity(0n, 0, text);
    while (mantissa % 10n === 0n) {
      mantissa /= 10n;
      exponent++;
    }
    return new Quantity(mantissa, exponent, text);
  }

  static parse(text: string): Quantity {
    const match = FORMAT.exec(text);
    if (!match) throw new Error(FORMAT_MESSAGE);
    const [, number, suffix] = match as unknown as [string, string, string];
    const digits = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(number);
    if (!digits || (digits[2] === '' && (digits[3] ?? '') === '')) throw new Error(FORMAT_MESSAGE);
    const fraction = digits[3] ?? '';
    let mantissa = BigInt((digits[2] || '0') + fraction) * (digits[1] === '-' ? -1n : 1n);
    let exponent = -fraction.length;
    if (suffix in BINARY) mantissa *= 1n << BigInt(BINARY[suffix]!);
    else if (suffix in DECIMAL) exponent += DECIMAL[suffix]!;
    else if (/^[eE][-+]?[0-9]+$/.test(suffix)) exponent += Number(suffix.slice(1));
    else throw new Error("unable to parse quantity's suffix");
    return Quantity.of(mantissa, exponent, text);
  }

  /** The exact value scaled to exponent `e` (e <= this.exponent). */
  private at(e: number): bigint {
    return this.mantissa * 10n ** BigInt(this.exponent - e);
  }

  compare(other: Quantity): number {
    const e = Math.min(this.exponent, other.exponent);
    const a = this.at(e);
    const b = other.at(e);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  add(other: Quantity, sign = 1n): Quantity {
    const e = Math.min(this.exponent, other.exponent);
    return Quantity.of(this.at(e) + sign * other.at(e), e);
  }

  /** The integer value when the quantity is whole, else undefined. */
  integer(): bigint | undefined {
    if (this.exponent >= 0) return this.mantissa * 10n ** BigInt(this.exponent);
    return undefined;
  }

  toString(): string {
    if (this.text !== undefined) return this.text;
    if (this.exponent >= 0) return String(this.integer());
    const digits = String(this.mantissa < 0n ? -this.mantissa : this.mantissa).padStart(
      -this.exponent + 1,
      '0',
    );
    const point = digits.length + this.exponent;
    return `${this.mantissa < 0n ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
  }
}

function fitsInt64(value: bigint | undefined): value is bigint {
  return value !== undefined && value >= INT64_MIN && value <= INT64_MAX;
}

function parseOrThrow(text: string): Quantity {
  try {
    return Quantity.parse(text);
  } catch (error) {
    throw celError((error as Error).message);
  }
}

export function registerQuantity(env: Environment): void {
  env
    .registerType('kubernetes.Quantity', Quantity)
    .registerFunction('quantity(string): kubernetes.Quantity', parseOrThrow)
    .registerFunction('isQuantity(string): bool', (s: string) => FORMAT.test(s) && isParsable(s))
    .registerFunction('string(kubernetes.Quantity): string', (q: Quantity) => q.toString())
    .registerFunction('kubernetes.Quantity.isInteger(): bool', (q: Quantity) =>
      fitsInt64(q.integer()),
    )
    .registerFunction('kubernetes.Quantity.asInteger(): int', (q: Quantity) => {
      const value = q.integer();
      if (!fitsInt64(value)) throw celError('cannot convert value to integer');
      return value;
    })
    .registerFunction('kubernetes.Quantity.asApproximateFloat(): double', (q: Quantity) =>
      Number(`${q.mantissa}e${q.exponent}`),
    )
    .registerFunction('kubernetes.Quantity.sign(): int', (q: Quantity) =>
      BigInt(Math.sign(Number(q.mantissa))),
    )
    .registerFunction(
      'kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity',
      (a: Quantity, b: Quantity) => a.add(b),
    )
    .registerFunction(
      'kubernetes.Quantity.add(int): kubernetes.Quantity',
      (a: Quantity, b: bigint) => a.add(Quantity.of(b, 0)),
    )
    .registerFunction(
      'kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity',
      (a: Quantity, b: Quantity) => a.add(b, -1n),
    )
    .registerFunction(
      'kubernetes.Quantity.sub(int): kubernetes.Quantity',
      (a: Quantity, b: bigint) => a.add(Quantity.of(b, 0), -1n),
    );
  registerComparisons(env, 'kubernetes.Quantity', (a: Quantity, b: Quantity) => a.compare(b));
}

function isParsable(text: string): boolean {
  try {
    Quantity.parse(text);
    return true;
  } catch {
    return false;
  }
}
