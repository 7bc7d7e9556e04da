import ipaddr from "ipaddr.js";

/**
 * Who may fetch from an address. `public`: anyone. `private`: only with
 * CORPUS_ALLOW_PRIVATE_URLS (intranet, loopback, CGNAT, reserved…). `linkLocal`: only
 * with CORPUS_ALLOW_LINK_LOCAL_URLS, since the cloud metadata service lives there and
 * hands out the machine's credentials. `invalid`: never.
 */
export type AddressAccess = "public" | "private" | "linkLocal" | "invalid";

export interface AddressClass {
  access: AddressAccess;
  /** ipaddr.js's range name ("loopback", "linkLocal", "metadata" for the list below). */
  range: string;
  /** The IPv4 address an IPv6 address carries, when that decided the class. */
  embedded?: string;
}

/**
 * Cloud metadata endpoints outside 169.254.0.0/16 and fe80::/10: AWS's IPv6 one (a
 * unique-local address) and Alibaba Cloud's (in the carrier-grade NAT range).
 */
const METADATA_ADDRESSES = new Set(["fd00:ec2::254", "100.100.100.200"]);

const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");
const NAT64_LOCAL_USE = ipaddr.parseCIDR("64:ff9b:1::/48");
const IPV4_TRANSLATED = ipaddr.parseCIDR("::ffff:0:0:0/96");
const SIX_TO_FOUR = ipaddr.parseCIDR("2002::/16");
const TEREDO = ipaddr.parseCIDR("2001::/32");

/** Most restrictive last: an address with several readings takes the worst. */
const ORDER: readonly AddressAccess[] = ["public", "private", "linkLocal", "invalid"];

/**
 * Classifies an IP address (IPv4 or IPv6, as a resolver or a URL gives it). The IPv6
 * forms that carry an IPv4 address are judged by the IPv4 address, because a connection
 * to them may end there: IPv4-mapped and IPv4-compatible (::a.b.c.d, which ipaddr.js
 * calls plain unicast), IPv4-translated, NAT64, 6to4 and Teredo.
 */
export function classifyAddress(address: string): AddressClass {
  if (!ipaddr.isValid(address)) return { access: "invalid", range: "invalid" };
  const ip = ipaddr.parse(address);
  if (ip.kind() === "ipv4") return classifyIPv4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded.length === 0) return classifyPlainIPv6(v6);
  let worst: AddressClass | null = null;
  for (const v4 of embedded) {
    const found = { ...classifyIPv4(v4), embedded: v4.toString() };
    if (worst === null || ORDER.indexOf(found.access) > ORDER.indexOf(worst.access)) worst = found;
  }
  return worst as AddressClass;
}

function classifyIPv4(ip: ipaddr.IPv4): AddressClass {
  const range = ip.range();
  if (METADATA_ADDRESSES.has(ip.toString())) return { access: "linkLocal", range: "metadata" };
  if (range === "unicast") return { access: "public", range };
  if (range === "linkLocal") return { access: "linkLocal", range };
  return { access: "private", range };
}

function classifyPlainIPv6(ip: ipaddr.IPv6): AddressClass {
  const range = ip.range();
  // Compared without a zone (fe80::1%eth0) and in one spelling.
  const plain = ipaddr.IPv6.parse(ip.toNormalizedString().replace(/%.*$/, "")).toString();
  if (METADATA_ADDRESSES.has(plain)) return { access: "linkLocal", range: "metadata" };
  if (range === "unicast") return { access: "public", range };
  if (range === "linkLocal") return { access: "linkLocal", range };
  return { access: "private", range };
}

/** Every IPv4 address `ip` may stand for; empty when it is no such form. */
function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4[] {
  const bytes = ip.toByteArray();
  const v4 = (b: number[]) => new ipaddr.IPv4(b);
  const last = v4(bytes.slice(12, 16));
  if (ip.isIPv4MappedAddress() || ip.match(IPV4_TRANSLATED) || ip.match(NAT64_WELL_KNOWN)) {
    return [last];
  }
  if (ip.match(NAT64_LOCAL_USE)) {
    // RFC 6052 layouts for the prefix lengths a /48 allows (/96 first: the usual one,
    // named in messages); bits 64-71 are always zero. Which layout the translator uses
    // is its operator's choice, so each is checked.
    return [
      last,
      v4(bytes.slice(9, 13)),
      v4([bytes[7], bytes[9], bytes[10], bytes[11]] as number[]),
      v4([bytes[6], bytes[7], bytes[9], bytes[10]] as number[]),
    ];
  }
  if (ip.match(SIX_TO_FOUR)) return [v4(bytes.slice(2, 6))];
  // Teredo: the client's address is the last 32 bits, inverted.
  if (ip.match(TEREDO)) return [v4(bytes.slice(12, 16).map((b) => b ^ 0xff))];
  // IPv4-compatible (::a.b.c.d, deprecated): the first 96 bits zero. :: and ::1 are not.
  const range = ip.range();
  if (bytes.slice(0, 12).every((b) => b === 0) && range !== "unspecified" && range !== "loopback") {
    return [last];
  }
  return [];
}
