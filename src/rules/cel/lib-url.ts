// kubernetes.urls: absolute URLs and absolute paths as Go's url.ParseRequestURI accepts them.
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from './errors.js';

export class URLValue {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly path: string,
    readonly rawQuery: string,
  ) {}
  hostname(): string {
    if (this.host.startsWith('[')) return this.host.slice(1, this.host.indexOf(']'));
    const colon = this.host.lastIndexOf(':');
    return colon >= 0 ? this.host.slice(0, colon) : this.host;
  }
  port(): string {
    const close = this.host.lastIndexOf(']');
    const colon = this.host.lastIndexOf(':');
    return colon > close ? this.host.slice(colon + 1) : '';
  }
  toString(): string {
    return `${this.scheme ? `${this.scheme}:` : ''}${this.host || this.scheme ? `//${this.host}` : ''}${this.path}${this.rawQuery ? `?${this.rawQuery}` : ''}`;
  }
}

export function parseURL(input: string): URLValue {
  let text = input;
  const fail = (): never => {
    throw celError(
      `URL parse error during conversion from string: parse ${JSON.stringify(input)}: invalid URI for request`,
    );
  };
  // eslint-disable-next-line no-control-regex -- control characters make a URL invalid
  if (/[\x00-\x1f\x7f]/.test(text)) fail();
  const hash = text.indexOf('#');
  if (hash >= 0) text = text.slice(0, hash);
  if (text.startsWith('/')) {
    const q = text.indexOf('?');
    return new URLValue('', '', q >= 0 ? text.slice(0, q) : text, q >= 0 ? text.slice(q + 1) : '');
  }
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/.exec(text);
  if (!m) return fail();
  let rest = m[2]!;
  let host = '';
  if (rest.startsWith('//')) {
    const end = rest.slice(2).search(/[/?]/);
    host = end >= 0 ? rest.slice(2, 2 + end) : rest.slice(2);
    rest = end >= 0 ? rest.slice(2 + end) : '';
    const at = host.lastIndexOf('@');
    if (at >= 0) host = host.slice(at + 1);
    if (/:[^\]:]*[^0-9\]:][^\]:]*$/.test(host) && !host.startsWith('[')) fail();
  }
  const q = rest.indexOf('?');
  return new URLValue(
    m[1]!.toLowerCase(),
    host,
    q >= 0 ? rest.slice(0, q) : rest,
    q >= 0 ? rest.slice(q + 1) : '',
  );
}

function parseQuery(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const pair of raw.split('&')) {
    if (!pair || pair.includes(';')) continue;
    const eq = pair.indexOf('=');
    const decode = (s: string) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, ' '));
      } catch {
        return undefined;
      }
    };
    const key = decode(eq >= 0 ? pair.slice(0, eq) : pair);
    const value = decode(eq >= 0 ? pair.slice(eq + 1) : '');
    if (key === undefined || value === undefined) continue;
    (out[key] ??= []).push(value);
  }
  return out;
}

export function registerURL(env: Environment): void {
  env
    .registerType('kubernetes.URL', URLValue)
    .registerFunction('url(string): kubernetes.URL', parseURL)
    .registerFunction('isURL(string): bool', (s: string) => {
      try {
        parseURL(s);
        return true;
      } catch {
        return false;
      }
    })
    .registerFunction('string(kubernetes.URL): string', (u: URLValue) => u.toString())
    .registerFunction('kubernetes.URL.getScheme(): string', (u: URLValue) => u.scheme)
    .registerFunction('kubernetes.URL.getHost(): string', (u: URLValue) => u.host)
    .registerFunction('kubernetes.URL.getHostname(): string', (u: URLValue) => u.hostname())
    .registerFunction('kubernetes.URL.getPort(): string', (u: URLValue) => u.port())
    .registerFunction('kubernetes.URL.getEscapedPath(): string', (u: URLValue) =>
      u.path.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, (c) => encodeURIComponent(c)),
    )
    .registerFunction('kubernetes.URL.getQuery(): map<string, list<string>>', (u: URLValue) =>
      parseQuery(u.rawQuery),
    );
}
