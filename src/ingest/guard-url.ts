import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { type AddressClass, classifyAddress } from "./classify-address.ts";
import { IngestError } from "./ingest-error.ts";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (A and AAAA), as `dns.lookup` does. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface UrlPolicy {
  /**
   * CORPUS_ALLOW_PRIVATE_URLS: fetch from private, loopback, unique-local, CGNAT and other
   * non-public addresses too; never link-local or cloud metadata ones (`allowLinkLocal`).
   */
  allowPrivate: boolean;
  /**
   * CORPUS_ALLOW_LINK_LOCAL_URLS: fetch from 169.254.0.0/16, fe80::/10 and the cloud
   * metadata addresses too. Separate because an intranet is not the metadata service,
   * which hands the machine's cloud credentials to whoever asks.
   */
  allowLinkLocal?: boolean;
  /**
   * Exact `address:port` endpoints allowed although private (`127.0.0.1:41234`,
   * `[::1]:8080`). Tests use it for their own server, so that every other private
   * address, including another port on loopback, is still refused.
   */
  allowedEndpoints?: readonly string[];
}

export const SYSTEM_RESOLVER: Resolver = async (hostname) => {
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/**
 * True for an address on the public internet. Everything ipaddr.js does not call plain
 * "unicast" is refused: private, loopback, link-local, unique-local, CGNAT, multicast,
 * broadcast, unspecified, documentation and reserved ranges; the IPv6 forms that embed
 * an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) by the address they embed.
 */
export function isPublicAddress(address: string): boolean {
  return classifyAddress(address).access === "public";
}

const RANGE_NAMES: Record<string, string> = {
  private: "a private address",
  loopback: "a loopback address",
  linkLocal: "a link-local address",
  metadata: "a cloud metadata address",
  uniqueLocal: "a unique-local address",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
  unspecified: "an unspecified address",
  reserved: "a reserved address",
};

function allows(policy: UrlPolicy, found: AddressClass): boolean {
  if (found.access === "public") return true;
  if (found.access === "private") return policy.allowPrivate;
  if (found.access === "linkLocal") return policy.allowLinkLocal === true;
  return false;
}

function howToAllow(found: AddressClass): string {
  if (found.access === "linkLocal") {
    return "cloud servers answer there with their credentials, so it stays refused unless CORPUS_ALLOW_LINK_LOCAL_URLS=true";
  }
  if (found.access === "invalid") return "not an IP address";
  return "set CORPUS_ALLOW_PRIVATE_URLS=true to allow intranet sources";
}

/** The range of a refused address, for a message a moderator understands. */
function describeRange(found: AddressClass): string {
  const name = RANGE_NAMES[found.range] ?? `not a public address (${found.range})`;
  return found.embedded ? `${name} (${found.embedded} inside an IPv6 address)` : name;
}

export function defaultPort(url: URL): number {
  if (url.port !== "") return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

function endpoint(address: string, port: number): string {
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

/** The host of a URL without IPv6 brackets, as the resolver and `net` want it. */
export function bareHost(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Only http(s) URLs without credentials are fetched. Throws URL_REFUSED otherwise. */
export function checkUrlShape(raw: string | URL): URL {
  let url: URL;
  try {
    url = typeof raw === "string" ? new URL(raw) : raw;
  } catch {
    throw new IngestError("URL_REFUSED", `not a URL: ${String(raw).slice(0, 200)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new IngestError("URL_REFUSED", `refused: only http and https URLs (got ${url.protocol})`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new IngestError("URL_REFUSED", "refused: URLs with a user name or password");
  }
  return url;
}

/**
 * Resolves the URL's host and returns the one address to connect to, after checking
 * every address the name has: a name with one private address among public ones is
 * refused, since the connection could land on either. The caller connects to exactly
 * this address (see fetch-page.ts), so a second DNS answer cannot swap in another.
 */
export async function resolveAllowedAddress(
  raw: string | URL,
  policy: UrlPolicy,
  resolve: Resolver = SYSTEM_RESOLVER,
): Promise<ResolvedAddress> {
  const url = checkUrlShape(raw);
  const host = bareHost(url);
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new IngestError("FETCH_FAILED", `cannot resolve ${host} (${code})`, { cause: error });
    }
  }
  const first = addresses[0];
  if (!first) throw new IngestError("FETCH_FAILED", `cannot resolve ${host} (no addresses)`);
  const port = defaultPort(url);
  const allowed = new Set(policy.allowedEndpoints ?? []);
  for (const { address } of addresses) {
    const found = classifyAddress(address);
    if (allows(policy, found) || allowed.has(endpoint(address, port))) continue;
    const via = address === host ? "" : ` (${host} resolves to ${address})`;
    throw new IngestError(
      "URL_REFUSED",
      `refused: ${url.host} is ${describeRange(found)}${via}; ${howToAllow(found)}`,
    );
  }
  return first;
}
