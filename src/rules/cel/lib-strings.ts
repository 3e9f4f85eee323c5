// ext.Strings (version 2, as Kubernetes enables it) where the engine lacks it: charAt, replace, format,
// strings.quote, lowerAscii/upperAscii on ASCII only.
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from './errors.js';
import { chargeCost } from './cost.js';

function charAt(s: string, i: bigint): string {
  const chars = [...s];
  if (i < 0n || i > BigInt(chars.length)) throw celError(`index out of range: ${i}`);
  return chars[Number(i)] ?? '';
}

function replace(s: string, from: string, to: string, limit: bigint): string {
  chargeCost(s.length >> 4);
  if (limit < 0n) return s.split(from).join(to);
  let out = '';
  let rest = s;
  for (let n = 0n; n < limit; n++) {
    const at = rest.indexOf(from);
    if (at < 0) break;
    out += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
    if (from === '') {
      out += rest.slice(0, 1);
      rest = rest.slice(1);
    }
  }
  return out + rest;
}

export function quote(s: string): string {
  // eslint-disable-next-line no-control-regex -- the escapes cel-go quotes
  return `"${s.replace(/[\\"\x07\b\f\n\r\t\v]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v' })[c]!)}"`;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value instanceof Date) return value.toISOString().replace('.000Z', 'Z');
  if (
    value &&
    typeof value === 'object' &&
    value.constructor !== Object &&
    value.constructor !== undefined &&
    value.constructor !== Map
  )
    return String(value);
  const entries = value instanceof Map ? [...value] : Object.entries(value as object);
  return `{${entries.map(([k, v]) => `${formatValue(k)}: ${formatValue(v)}`).join(', ')}}`;
}

/** cel-go's string.format verbs: %s %d %f %e %b %o %x %X and %%, with an optional precision for %f/%e. */
export function format(template: string, args: unknown[]): string {
  if (template.length > 10_000) throw celError('format string too long');
  let next = 0;
  return template.replace(
    /%(?:\.(\d+))?([sdfebBoxX%])|%/g,
    (whole, precision: string | undefined, verb: string | undefined) => {
      if (whole === '%')
        throw celError('could not parse formatting clause: unrecognized formatting clause');
      if (verb === '%') return '%';
      if (next >= args.length) throw celError(`index ${next} out of range`);
      const arg = args[next++];
      const digits = precision === undefined ? 6 : Number(precision);
      switch (verb) {
        case 's':
          return formatValue(arg);
        case 'd':
          if (typeof arg !== 'bigint')
            throw celError(
              `error during formatting: decimal clause can only be used on integers, was given ${typeof arg}`,
            );
          return String(arg);
        case 'f':
          return Number(arg).toFixed(digits);
        case 'e': {
          // cel-go prints the exponent as a power of ten with superscript digits: 3.140000×10⁰⁰.
          const [mantissa, exponent] = Number(arg).toExponential(digits).split('e') as [
            string,
            string,
          ];
          const sup = (s: string) => [...s].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)] ?? c).join('');
          const n = Number(exponent);
          return `${mantissa}×10${n < 0 ? '⁻' : ''}${sup(String(Math.abs(n)).padStart(2, '0'))}`;
        }
        case 'b':
          return typeof arg === 'bigint' ? arg.toString(2) : arg ? 'true' : 'false';
        case 'o':
          return (arg as bigint).toString(8);
        case 'x':
        case 'X': {
          const hex =
            typeof arg === 'string'
              ? Buffer.from(arg).toString('hex')
              : arg instanceof Uint8Array
                ? Buffer.from(arg).toString('hex')
                : (arg as bigint).toString(16);
          return verb === 'X' ? hex.toUpperCase() : hex;
        }
        default:
          return whole;
      }
    },
  );
}

export class StringsNamespace {}

export function registerStrings(env: Environment): void {
  env
    .registerType('kubernetes.StringsNamespace', StringsNamespace)
    .registerConstant('strings', 'kubernetes.StringsNamespace', new StringsNamespace())
    .registerFunction('string.charAt(int): string', charAt)
    .registerFunction('string.replace(string, string): string', (s: string, a: string, b: string) =>
      replace(s, a, b, -1n),
    )
    .registerFunction('string.replace(string, string, int): string', replace)
    .registerFunction('string.format(list): string', format)
    .registerFunction(
      'kubernetes.StringsNamespace.quote(string): string',
      (_: unknown, s: string) => quote(s),
    );
}
