// Server-side request forgery guard for webhook URLs. A subscriber chooses the URL, so the CRM must not
// become a way into the network it runs in: only public unicast addresses are called, every address a
// name resolves to is checked (one private answer refuses the name), the connection goes to the address
// that was checked (no second lookup a rebinding DNS server could answer differently), and redirects are
// never followed. Loopback is allowed only where the flag says so (the local stack and its tests).
import { BlockList, isIP } from 'node:net';

export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

const v4Ranges: [string, number, AddressClass][] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.169.254', 32, 'metadata'], // the instance metadata service (EC2, ECS, most clouds)
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // and 255.255.255.255
];

const v6Ranges: [string, number, AddressClass][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['fd00:ec2::254', 128, 'metadata'], // the instance metadata service over IPv6
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // the old site-local
  ['ff00::', 8, 'multicast'],
  ['2001:db8::', 32, 'reserved'],
  ['100::', 64, 'reserved'], // discard-only
  ['::', 96, 'reserved'], // the deprecated IPv4-compatible form (its IPv4 is checked separately too)
];

const lists = (ranges: [string, number, AddressClass][], family: 'ipv4' | 'ipv6') =>
  ranges.map(([network, prefix, kind]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, family);
    return { list, kind };
  });
const v4Lists = lists(v4Ranges, 'ipv4');
const v6Lists = lists(v6Ranges, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail included). */
const groupsOf = (address: string): number[] => {
  let text = address.split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -dotted[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  // Without a `::` the tail is undefined and the eight groups are all on the left.
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const middle = Array(8 - left.length - right.length).fill('0');
  return [...left, ...middle, ...right].map((group) => Number.parseInt(group, 16));
};

const v4Of = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/**
 * The IPv4 address an IPv6 one carries, where a packet to it would reach that IPv4 host: mapped
 * (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
const embeddedV4 = (groups: number[]): string | undefined => {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  if (zeros(0, 5) && groups[5] === 0xffff) return v4Of(groups[6]!, groups[7]!);
  if (zeros(0, 6) && (groups[6]! !== 0 || groups[7]! > 1)) return v4Of(groups[6]!, groups[7]!);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return v4Of(groups[6]!, groups[7]!);
  if (groups[0] === 0x2002) return v4Of(groups[1]!, groups[2]!);
  return undefined;
};

const classifyV4 = (address: string): AddressClass =>
  v4Lists.find(({ list }) => list.check(address, 'ipv4'))?.kind ?? 'public';

/** What kind of address this is; anything that is not an IP address is `reserved` (never called). */
export const classifyAddress = (address: string): AddressClass => {
  const family = isIP(address.split('%')[0]!);
  if (family === 4) return classifyV4(address);
  if (family !== 6) return 'reserved';
  const groups = groupsOf(address);
  const inner = embeddedV4(groups);
  if (inner) {
    const kind = classifyV4(inner);
    if (kind !== 'public') return kind;
  }
  const normal = groups.map((g) => g.toString(16)).join(':');
  return v6Lists.find(({ list }) => list.check(normal, 'ipv6'))?.kind ?? 'public';
};

export interface GuardOptions {
  /** The local stack: loopback receivers (a test's own server) are allowed, and plain http to them. */
  allowLoopback: boolean;
}

export const addressAllowed = (address: string, options: GuardOptions) => {
  const kind = classifyAddress(address);
  return kind === 'public' || (kind === 'loopback' && options.allowLoopback);
};

export type UrlRefusal = 'not-a-url' | 'not-https' | 'credentials' | 'address' | 'port' | 'unresolved';

/** The host without the brackets around an IPv6 literal (the only brackets a hostname holds). */
const hostOf = (url: URL) => url.hostname.replace(/[[\]]/g, '');

/**
 * Checks what can be checked without DNS: https (http only to loopback where allowed), no user
 * name or password in the URL, the default port or a high one, and a literal address that is allowed.
 * A name is checked again, with every address it resolves to, each time a delivery is made.
 */
export const urlRefusal = (text: string, options: GuardOptions): UrlRefusal | undefined => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not-a-url';
  }
  const host = hostOf(url);
  const loopbackName = host === 'localhost' || host.endsWith('.localhost');
  const literal = isIP(host) !== 0;
  const loopback = loopbackName || (literal && classifyAddress(host) === 'loopback');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && options.allowLoopback)) return 'not-https';
  if (url.username || url.password) return 'credentials';
  // An https URL's port 443 is its default, which the URL leaves empty.
  if (url.port && Number(url.port) < 1024 && !(loopback && options.allowLoopback)) return 'port';
  if (loopbackName) return options.allowLoopback ? undefined : 'address';
  if (literal && !addressAllowed(host, options)) return 'address';
  return undefined;
};
