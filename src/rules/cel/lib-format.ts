// kubernetes.format: the named string formats of apimachinery's validation, with its messages.
import { Optional, type Environment } from '@marcbachmann/cel-js';

function regexError(message: string, pattern: string, ...examples: string[]): string {
  let s = `${message} (e.g. `;
  examples.forEach((example, i) => {
    if (i > 0) s += ' or ';
    s += `'${example}', `;
  });
  return `${s}regex used for validation is '${pattern}')`;
}
const maxLen = (n: number) => `must be no more than ${n} characters`;

const LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const SUBDOMAIN = `${LABEL}(\\.${LABEL})*`;
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035 = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
const QUALIFIED = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const QUALIFIED_MSG =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const full = (source: string) => new RegExp(`^(?:${source})$`);

function dns1123Label(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 63) errs.push(maxLen(63));
  if (!full(LABEL).test(s)) errs.push(regexError(LABEL_MSG, LABEL, 'my-name', '123-abc'));
  return errs;
}
function dns1123Subdomain(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 253) errs.push(maxLen(253));
  if (!full(SUBDOMAIN).test(s)) errs.push(regexError(SUBDOMAIN_MSG, SUBDOMAIN, 'example.com'));
  return errs;
}
function dns1035Label(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 63) errs.push(maxLen(63));
  if (!full(DNS1035).test(s)) errs.push(regexError(DNS1035_MSG, DNS1035, 'my-name', 'abc-123'));
  return errs;
}
function qualifiedName(s: string): string[] {
  const errs: string[] = [];
  const parts = s.split('/');
  let name = parts[0]!;
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (!prefix) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else if (parts.length > 2) {
    return [
      `a qualified name ${regexError(QUALIFIED_MSG, QUALIFIED, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (!name) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (!full(QUALIFIED).test(name))
    errs.push(`name part ${regexError(QUALIFIED_MSG, QUALIFIED, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}
function labelValue(s: string): string[] {
  const errs: string[] = [];
  if (s.length > 63) errs.push(maxLen(63));
  if (!full(LABEL_VALUE).test(s))
    errs.push(regexError(LABEL_VALUE_MSG, LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  return errs;
}
// A prefix (generateName) may end in '-': the checks see it as a letter.
const maskTrailingDash = (s: string) =>
  s.length > 1 && s.endsWith('-') ? `${s.slice(0, -1)}a` : s;

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const VALIDATORS: Record<string, (s: string) => string[]> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  dns1123LabelPrefix: (s) => dns1123Label(maskTrailingDash(s)),
  dns1123SubdomainPrefix: (s) => dns1123Subdomain(maskTrailingDash(s)),
  dns1035LabelPrefix: (s) => dns1035Label(maskTrailingDash(s)),
  labelValue,
  uri: (s) => (/^[A-Za-z][A-Za-z0-9+.-]*:\S*$/.test(s) || /^\/\S*$/.test(s) ? [] : ['invalid URI']),
  uuid: (s) =>
    /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s)
      ? []
      : ['does not match the UUID format'],
  byte: (s) =>
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)
      ? []
      : ['invalid base64'],
  date: (s) => (isDate(s) ? [] : ['invalid date']),
  datetime: (s) => {
    const m =
      /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.exec(s);
    return m && isDate(m[1]!) && Number(m[2]) < 24 && Number(m[3]) < 60 && Number(m[4]) < 61
      ? []
      : ['invalid datetime'];
  },
};

export class Format {
  constructor(readonly name: string) {}
}
export class FormatNamespace {}
const FORMATS = new Map(Object.keys(VALIDATORS).map((name) => [name, new Format(name)]));

export function registerFormat(env: Environment): void {
  env
    .registerType('kubernetes.NamedFormat', Format)
    .registerType('kubernetes.FormatNamespace', FormatNamespace)
    .registerConstant('format', 'kubernetes.FormatNamespace', new FormatNamespace())
    .registerOperator(
      'kubernetes.NamedFormat == kubernetes.NamedFormat',
      (a: Format, b: Format) => a.name === b.name,
    )
    .registerFunction(
      'kubernetes.FormatNamespace.named(string): optional<kubernetes.NamedFormat>',
      (_: FormatNamespace, name: string) =>
        FORMATS.has(name) ? Optional.of(FORMATS.get(name)) : Optional.none(),
    )
    .registerFunction(
      'kubernetes.NamedFormat.validate(string): optional<list<string>>',
      (f: Format, s: string) => {
        const errors = VALIDATORS[f.name]!(s);
        return errors.length ? Optional.of(errors) : Optional.none();
      },
    );
  for (const [name, format] of FORMATS)
    env.registerFunction(
      `kubernetes.FormatNamespace.${name}(): kubernetes.NamedFormat`,
      () => format,
    );
}
