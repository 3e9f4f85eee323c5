// Scalars the way the Kubernetes API server reads them: sigs.k8s.io/yaml decodes manifests
// with go-yaml v2 into interface{} and converts the result to JSON. This is go-yaml v2's
// resolve.go (YAML 1.1: `yes`/`on`/`Y` are booleans, `0777` is octal, `1_000` is 1000,
// sexagesimal `190:20:30` stays a string) and sigs.k8s.io/yaml's JSON conversion of map keys.

/** A scalar's value, or the reason go-yaml v2 refuses the document. */
export type Resolved = string | number | boolean | null;

export class ResolveError extends Error {}

const TAG_PREFIX = 'tag:yaml.org,2002:';

// go-yaml's resolve table: the first character says which forms a plain scalar may take.
const HINT_NONE = 0;
const HINT_MAP = 1; // y Y n N t T f F o O ~ (only the fixed words below)
const HINT_DOT = 2; // .5, .inf, .nan
const HINT_NUMBER = 3; // digits and signs: int, float (or timestamp, which stays a string)
const HINTS = new Uint8Array(128);
for (const c of 'yYnNtTfFoO~') HINTS[c.charCodeAt(0)] = HINT_MAP;
for (const c of '0123456789+-') HINTS[c.charCodeAt(0)] = HINT_NUMBER;
HINTS['.'.charCodeAt(0)] = HINT_DOT;

const WORDS = new Map<string, Resolved>();
for (const [value, words] of [
  [true, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']],
  [false, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']],
  [null, ['', '~', 'null', 'Null', 'NULL']],
  [NaN, ['.nan', '.NaN', '.NAN']],
  [Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [-Infinity, ['-.inf', '-.Inf', '-.INF']],
] as const) {
  for (const word of words) WORDS.set(word, value);
}

// Go's strconv.ParseInt(s, 0, 64) after go-yaml removed every `_`: an optional sign, then a
// 0x/0o/0b prefix, a leading 0 (octal), or decimal digits.
const GO_INT =
  /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
// go-yaml's yamlStyleFloat.
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// Go's ParseFloat of a literal that starts with `.` (underscores only between digits).
const GO_DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** go-yaml's int: int64, else uint64; undefined when Go's parsers refuse it (range included). */
function goInt(plain: string): { value: number; unsigned: boolean } | undefined {
  const match = GO_INT.exec(plain);
  if (!match) return undefined;
  const [, sign, hex, octal, binary, leadingZero, decimal] = match;
  let magnitude: bigint;
  if (hex !== undefined) magnitude = BigInt(`0x${hex}`);
  else if (octal !== undefined) magnitude = BigInt(`0o${octal}`);
  else if (binary !== undefined) magnitude = BigInt(`0b${binary}`);
  else if (leadingZero !== undefined) magnitude = leadingZero ? BigInt(`0o${leadingZero}`) : 0n;
  else magnitude = BigInt(decimal);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return { value: Number(value), unsigned: false };
  // ParseUint takes no sign.
  if (sign === '' && value <= UINT64_MAX) return { value: Number(value), unsigned: true };
  return undefined;
}

/** Go's ParseFloat: an overflow is an error (go-yaml then keeps the text as a string). */
function goFloat(text: string): number | undefined {
  const value = Number(text.replace(/_/g, ''));
  return Number.isFinite(value) ? value : undefined;
}

type Kind = 'null' | 'bool' | 'int' | 'uint' | 'float' | 'str';

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The kind of the last value resolveImplicit returned (no object per scalar: a hot path). */
let resolvedKind: Kind = 'str';

/** go-yaml v2's resolve() of an untagged plain scalar; its kind in `resolvedKind`. */
function resolveImplicit(text: string): Resolved {
  resolvedKind = 'str';
  const code = text.length === 0 ? 0 : text.charCodeAt(0);
  const hint = text.length === 0 ? HINT_MAP : code < 128 ? HINTS[code] : HINT_NONE;
  if (hint === HINT_NONE) return text;
  const word = WORDS.get(text);
  if (word !== undefined) {
    resolvedKind = word === null ? 'null' : typeof word === 'boolean' ? 'bool' : 'float';
    return word;
  }
  if (hint === HINT_DOT) {
    const value = GO_DOT_FLOAT.test(text) ? goFloat(text) : undefined;
    if (value !== undefined) {
      resolvedKind = 'float';
      return value;
    }
  } else if (hint === HINT_NUMBER) {
    // A timestamp (2001-12-14) stays the text when decoded into interface{}: no test needed,
    // as no timestamp is also an int or a float.
    // Most numbers in manifests are short decimals (ports, replicas, ids): no pattern needed.
    if (code >= 49 && code <= 57 && text.length <= 15 && isDigits(text)) {
      resolvedKind = 'int';
      return Number(text);
    }
    const plain = text.includes('_') ? text.replace(/_/g, '') : text;
    const int = goInt(plain);
    if (int) {
      resolvedKind = int.unsigned ? 'uint' : 'int';
      return int.value;
    }
    if (YAML_FLOAT.test(plain)) {
      const value = goFloat(plain);
      if (value !== undefined) {
        resolvedKind = 'float';
        return value;
      }
    }
  }
  return text;
}

/** A scalar's value as go-yaml v2 decodes it into interface{}. `tag` is the resolved tag name
 *  (`tag:yaml.org,2002:int`), '' for an untagged plain scalar, '!' for an untagged quoted or
 *  block scalar. Throws ResolveError where go-yaml fails the document. */
export function resolveScalar(tag: string, text: string): Resolved {
  if (tag === '') {
    const value = resolveImplicit(text);
    // JSON has no NaN or infinity: sigs.k8s.io/yaml's json.Marshal refuses the document.
    if (resolvedKind === 'float' && !Number.isFinite(value as number)) {
      throw new ResolveError(`${text} is not a JSON number`);
    }
    return value;
  }
  if (!tag.startsWith(TAG_PREFIX)) return text; // quoted, block, or a local tag: the text
  const name = tag.slice(TAG_PREFIX.length);
  switch (name) {
    case 'str':
      return text;
    case 'binary': {
      const compact = text.replace(/\s+/g, '');
      if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
        throw new ResolveError('!!binary value contains invalid base64 data');
      }
      return Buffer.from(compact, 'base64').toString('utf8');
    }
    case 'null':
    case 'bool':
    case 'int':
    case 'float':
    case 'timestamp': {
      if (name === 'timestamp') {
        if (TIMESTAMP.test(text)) return text;
      } else {
        const value = resolveImplicit(text);
        const kind = resolvedKind === 'uint' ? 'int' : resolvedKind;
        if (kind === name) return value;
        // go-yaml accepts an int where a float is asked for.
        if (name === 'float' && kind === 'int') return value;
      }
      resolveImplicit(text);
      const found = resolvedKind === 'uint' ? 'int' : resolvedKind;
      throw new ResolveError(`cannot decode !!${found} \`${text}\` as a !!${name}`);
    }
    default:
      return text; // !!seq, !!map, !!merge, unknown: not resolvable, the text
  }
}

// The timestamp layouts go-yaml v2 accepts (time.Parse of 2006-1-2 and its variants).
const TIMESTAMP =
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2}))| [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?)?$/;

/**
 * A map key as sigs.k8s.io/yaml writes it into JSON: go-yaml resolves keys like values
 * (`yes:` is the key true, `1:` the key 1), then keys become strings. `null` and uint64 keys
 * make the document invalid.
 */
export function keyString(tag: string, text: string): string {
  if (tag !== '') {
    const value = resolveScalar(tag, text);
    return keyOf(value, tag.endsWith(':float') ? 'float' : undefined);
  }
  const value = resolveImplicit(text);
  const kind = resolvedKind;
  if (kind === 'uint') throw new ResolveError(`unsupported map key of type uint64: ${text}`);
  if (kind === 'int') {
    // Exact, also beyond 2^53: the digits of the int64.
    return Number.isSafeInteger(value) ? String(value) : exactInt(text);
  }
  return keyOf(value, kind === 'float' ? 'float' : undefined);
}

function keyOf(value: Resolved, kind: 'float' | undefined): string {
  if (value === null) throw new ResolveError('unsupported map key of type <nil>');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return kind === 'float' ? goFloat32Key(value) : String(value);
  return value;
}

function exactInt(text: string): string {
  const match = GO_INT.exec(text.replace(/_/g, ''))!;
  const [, sign, hex, octal, binary, leadingZero, decimal] = match;
  const digits = hex
    ? `0x${hex}`
    : octal
      ? `0o${octal}`
      : binary
        ? `0b${binary}`
        : leadingZero
          ? `0o${leadingZero}`
          : (decimal ?? '0');
  const magnitude = BigInt(digits);
  return String(sign === '-' ? -magnitude : magnitude);
}

/** strconv.FormatFloat(key, 'g', -1, 32), with go-yaml's .inf/.nan spellings. */
function goFloat32Key(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === Infinity) return '.inf';
  if (value === -Infinity) return '-.inf';
  const single = Math.fround(value);
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  // The shortest decimal that reads back as the same float32.
  let digits = '';
  for (let precision = 1; precision <= 9; precision++) {
    digits = single.toPrecision(precision);
    if (Math.fround(Number(digits)) === single) break;
  }
  const [mantissa, exponentText] = Number(digits).toExponential().split('e');
  const exponent = Number(exponentText);
  // %e when the exponent is < -4 or >= 6 (Go's precision for the shortest form).
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${magnitude}`;
  }
  return String(Number(digits));
}
