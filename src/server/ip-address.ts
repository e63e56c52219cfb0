const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d+)?$/;
const HEXTET = /^[0-9a-f]{1,4}$/;
const MAX_KEY_LENGTH = 100;

function isIpv4(text: string): boolean {
  const parts = IPV4.exec(text);
  return parts !== null && parts.slice(1).every((part) => Number(part) <= 255);
}

/** `::ffff:192.0.2.1` as `::ffff:c000:201`: an IPv4 tail as its two groups. */
function withoutIpv4Tail(text: string): string {
  const match = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  const [, head, ipv4] = match ?? [];
  if (head === undefined || ipv4 === undefined || !isIpv4(ipv4)) return text;
  const [a = 0, b = 0, c = 0, d = 0] = ipv4.split(".").map(Number);
  return `${head}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** The eight 16-bit groups of an IPv6 address, or `undefined` when it is not one. */
function ipv6Groups(text: string): string[] | undefined {
  const halves = withoutIpv4Tail(text).split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves[1] ? halves[1].split(":") : [];
  const compressed = halves.length === 2;
  const fill = compressed ? 8 - head.length - tail.length : 0;
  if (compressed ? fill < 1 : head.length !== 8) return undefined;
  const groups = [...head, ...Array<string>(fill).fill("0"), ...tail];
  return groups.every((group) => HEXTET.test(group)) ? groups : undefined;
}

/**
 * A client address as a rate-limit key: IPv4 as is (a port dropped); IPv4-mapped IPv6 as the
 * IPv4 address; other IPv6 addresses as their /64 network (`2001:db8:0:1::/64`), because one
 * client typically holds a whole /64 and could otherwise take a fresh bucket per address.
 * Anything else (a proxy's name, `unknown`) is kept as text, at most 100 characters.
 */
export function addressKey(raw: string): string {
  let text = raw.trim().toLowerCase();
  text = BRACKETED_IPV6.exec(text)?.[1] ?? IPV4_WITH_PORT.exec(text)?.[1] ?? text;
  text = text.replace(/%.*$/, ""); // an IPv6 zone id
  if (isIpv4(text)) return text;
  const groups = ipv6Groups(text);
  if (groups === undefined) return text.slice(0, MAX_KEY_LENGTH);
  const mapped = groups
    .slice(0, 6)
    .map((group) => parseInt(group, 16))
    .join(":");
  if (mapped === "0:0:0:0:0:65535") {
    const [high = 0, low = 0] = groups.slice(6).map((group) => parseInt(group, 16));
    return [high >> 8, high & 255, low >> 8, low & 255].join(".");
  }
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}
