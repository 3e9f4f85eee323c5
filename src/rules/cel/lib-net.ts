// kubernetes.net.ip and kubernetes.net.cidr: addresses parsed as Go's netip does (no leading zeros in IPv4
// octets, no zones, no IPv4-mapped IPv6 as the Kubernetes library forbids), printed in canonical form.
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from './errors.js';

export class IP {
  constructor(readonly bytes: Uint8Array) {}
  get family(): 4 | 6 {
    return this.bytes.length === 4 ? 4 : 6;
  }
  equals(other: IP): boolean {
    return (
      this.bytes.length === other.bytes.length && this.bytes.every((b, i) => b === other.bytes[i])
    );
  }
  toString(): string {
    if (this.family === 4) return this.bytes.join('.');
    const groups: number[] = [];
    for (let i = 0; i < 16; i += 2) groups.push((this.bytes[i]! << 8) | this.bytes[i + 1]!);
    // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on a tie.
    let bestStart = -1;
    let bestLength = 1;
    for (let i = 0; i < 8;) {
      if (groups[i] !== 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < 8 && groups[j] === 0) j++;
      if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
      i = j;
    }
    const hex = groups.map((g) => g.toString(16));
    if (bestStart < 0) return hex.join(':');
    return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
  }
}

export class CIDR {
  constructor(
    readonly ip: IP,
    readonly prefixLength: number,
  ) {}
  masked(): CIDR {
    const bytes = this.ip.bytes.slice();
    for (let bit = this.prefixLength; bit < bytes.length * 8; bit++)
      bytes[bit >> 3]! &= ~(0x80 >> (bit & 7));
    return new CIDR(new IP(bytes), this.prefixLength);
  }
  containsIP(ip: IP): boolean {
    if (ip.family !== this.ip.family) return false;
    return new CIDR(ip, this.prefixLength).masked().ip.equals(this.masked().ip);
  }
  containsCIDR(other: CIDR): boolean {
    return other.prefixLength >= this.prefixLength && this.containsIP(other.ip);
  }
  toString(): string {
    return `${this.ip}/${this.prefixLength}`;
  }
}

function parseIPv4(text: string): Uint8Array {
  const parts = text.split('.');
  if (parts.length > 4) throw new Error('IPv4 address too long');
  if (parts.length < 4) throw new Error('IPv4 address too short');
  return Uint8Array.from(
    parts.map((part) => {
      if (!/^[0-9]{1,3}$/.test(part)) throw new Error('unexpected character');
      if (part.length > 1 && part.startsWith('0'))
        throw new Error('IPv4 field has octet with leading zero');
      const value = Number(part);
      if (value > 255) throw new Error('IPv4 field has value >255');
      return value;
    }),
  );
}

function parseIPv6(text: string): Uint8Array {
  if (text.includes('%')) throw new Error('IPv6 zone is not allowed');
  const halves = text.split('::');
  if (halves.length > 2) throw new Error('multiple :: in address');
  const groupsOf = (part: string): number[] => {
    if (part === '') return [];
    const fields = part.split(':');
    const out: number[] = [];
    fields.forEach((field, index) => {
      if (index === fields.length - 1 && field.includes('.')) {
        const v4 = parseIPv4(field);
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
        return;
      }
      if (field === '') throw new Error('each colon-separated field must have at least one digit');
      if (!/^[0-9a-fA-F]{1,4}$/.test(field))
        throw new Error('each group must have 4 or less digits');
      out.push(parseInt(field, 16));
    });
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (halves.length === 1 && head.length !== 8) throw new Error('address string too short');
  if (head.length + tail.length > (halves.length === 2 ? 7 : 8))
    throw new Error('address string too long');
  const groups = [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[2 * i] = g >> 8;
    bytes[2 * i + 1] = g & 0xff;
  });
  return bytes;
}

export function parseIP(text: string): IP {
  let bytes: Uint8Array;
  try {
    bytes = text.includes(':') ? parseIPv6(text) : parseIPv4(text);
  } catch (error) {
    throw celError(
      `IP Address ${JSON.stringify(text)} parse error during conversion from string: ParseAddr(${JSON.stringify(text)}): ${(error as Error).message}`,
    );
  }
  if (
    bytes.length === 16 &&
    bytes.slice(0, 10).every((b) => b === 0) &&
    bytes[10] === 0xff &&
    bytes[11] === 0xff
  )
    throw celError(`IPv4-mapped IPv6 address ${JSON.stringify(text)} is not allowed`);
  return new IP(bytes);
}

export function parseCIDR(text: string): CIDR {
  const fail = (reason: string): never => {
    const inner = `network address parse error during conversion from string: netip.ParsePrefix(${JSON.stringify(text)}): ${reason}`;
    throw celError(`network address parse error during conversion from string: ${inner}`);
  };
  const slash = text.lastIndexOf('/');
  if (slash < 0) fail("no '/'");
  const bits = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) fail(`bad bits after slash: ${JSON.stringify(bits)}`);
  let ip: IP;
  try {
    ip = parseIP(text.slice(0, slash));
  } catch (error) {
    return fail((error as Error).message);
  }
  const length = Number(bits);
  if (length > ip.bytes.length * 8) fail(`prefix length out of range`);
  return new CIDR(ip, length);
}

const valid = (parse: (s: string) => unknown) => (s: string) => {
  try {
    parse(s);
    return true;
  } catch {
    return false;
  }
};

function isMulticast(ip: IP): boolean {
  return ip.family === 4 ? (ip.bytes[0]! & 0xf0) === 0xe0 : ip.bytes[0] === 0xff;
}
function isLoopback(ip: IP): boolean {
  return ip.family === 4 ? ip.bytes[0] === 127 : ip.bytes.every((b, i) => b === (i === 15 ? 1 : 0));
}
function isLinkLocalUnicast(ip: IP): boolean {
  return ip.family === 4
    ? ip.bytes[0] === 169 && ip.bytes[1] === 254
    : ip.bytes[0] === 0xfe && (ip.bytes[1]! & 0xc0) === 0x80;
}
const isUnspecified = (ip: IP) => ip.bytes.every((b) => b === 0);

export class IPNamespace {}
/** `net`, so that the type names `net.IP` and `net.CIDR` read as values (`type(x) == net.IP`). */
export class NetNamespace {
  constructor(
    readonly IP: unknown,
    readonly CIDR: unknown,
  ) {}
}

export function registerNet(env: Environment): void {
  env
    .registerType('net.IP', IP)
    .registerType('net.CIDR', CIDR)
    .registerType('kubernetes.IPNamespace', IPNamespace)
    .registerConstant('ip', 'kubernetes.IPNamespace', new IPNamespace())
    .registerFunction('ip(string): net.IP', parseIP)
    .registerFunction('isIP(string): bool', valid(parseIP))
    .registerFunction(
      'kubernetes.IPNamespace.isCanonical(string): bool',
      (_: IPNamespace, s: string) => parseIP(s).toString() === s,
    )
    .registerFunction('string(net.IP): string', (ip: IP) => ip.toString())
    .registerOperator('net.IP == net.IP', (a: IP, b: IP) => a.equals(b))
    .registerFunction('net.IP.family(): int', (ip: IP) => BigInt(ip.family))
    .registerFunction('net.IP.isUnspecified(): bool', isUnspecified)
    .registerFunction('net.IP.isLoopback(): bool', isLoopback)
    .registerFunction('net.IP.isLinkLocalMulticast(): bool', (ip: IP) =>
      ip.family === 4
        ? ip.bytes[0] === 224 && ip.bytes[1] === 0 && ip.bytes[2] === 0
        : ip.bytes[0] === 0xff && (ip.bytes[1]! & 0x0f) === 0x02,
    )
    .registerFunction('net.IP.isLinkLocalUnicast(): bool', isLinkLocalUnicast)
    .registerFunction(
      'net.IP.isGlobalUnicast(): bool',
      (ip: IP) =>
        !(ip.family === 4 && ip.bytes.every((b) => b === 255)) &&
        !isUnspecified(ip) &&
        !isLoopback(ip) &&
        !isMulticast(ip) &&
        !isLinkLocalUnicast(ip),
    )
    .registerFunction('cidr(string): net.CIDR', parseCIDR)
    .registerFunction('isCIDR(string): bool', valid(parseCIDR))
    .registerFunction('string(net.CIDR): string', (c: CIDR) => c.toString())
    .registerOperator(
      'net.CIDR == net.CIDR',
      (a: CIDR, b: CIDR) => a.ip.equals(b.ip) && a.prefixLength === b.prefixLength,
    )
    .registerFunction('net.CIDR.containsIP(net.IP): bool', (c: CIDR, ip: IP) => c.containsIP(ip))
    .registerFunction('net.CIDR.containsIP(string): bool', (c: CIDR, ip: string) =>
      c.containsIP(parseIP(ip)),
    )
    .registerFunction('net.CIDR.containsCIDR(net.CIDR): bool', (c: CIDR, o: CIDR) =>
      c.containsCIDR(o),
    )
    .registerFunction('net.CIDR.containsCIDR(string): bool', (c: CIDR, o: string) =>
      c.containsCIDR(parseCIDR(o)),
    )
    .registerFunction('net.CIDR.ip(): net.IP', (c: CIDR) => c.ip)
    .registerFunction('net.CIDR.masked(): net.CIDR', (c: CIDR) => c.masked())
    .registerFunction('net.CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.prefixLength));
  const typeOf = (expression: string): unknown => env.evaluate(expression);
  const namespace = new NetNamespace(
    typeOf('type(ip("0.0.0.0"))'),
    typeOf('type(cidr("0.0.0.0/0"))'),
  );
  env
    .registerType('kubernetes.NetNamespace', {
      ctor: NetNamespace,
      fields: { IP: 'type', CIDR: 'type' },
    })
    .registerConstant('net', 'kubernetes.NetNamespace', namespace);
}
