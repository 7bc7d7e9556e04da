import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FetchOptions, fetchDocument } from "../../src/ingest/fetch-page.ts";
import {
  isPublicAddress,
  type Resolver,
  resolveAllowedAddress,
} from "../../src/ingest/guard-url.ts";
import { IngestError } from "../../src/ingest/ingest-error.ts";
import { type NewsSite, startNewsSite } from "../helpers/news-site.ts";

const STRICT = { allowPrivate: false };
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe("isPublicAddress", () => {
  it.each([
    "10.1.2.3",
    "172.16.0.1",
    "192.168.1.10",
    "127.0.0.1",
    "127.8.9.10",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:a00:1::",
    "192.0.2.1",
    "not-an-ip",
    // IPv4-compatible (::a.b.c.d): ipaddr.js calls these plain unicast.
    "::7f00:1",
    "::a00:1",
    "::127.0.0.1",
    "::169.254.169.254",
    // NAT64, well-known /96 and local-use /48 in each RFC 6052 layout (/48, /56, /64, /96).
    "64:ff9b::7f00:1",
    "64:ff9b:1::7f00:1",
    "64:ff9b:1:7f00:0:100::",
    "64:ff9b:1:7f:0:1::",
    "64:ff9b:1:0:7f:0:100::",
    // 6to4 of 127.0.0.1, Teredo whose client (last 32 bits XOR 0xffffffff) is 127.0.0.1.
    "2002:7f00:1::",
    "2001:0:4136:e378:8000:63bf:80ff:fffe",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  // The IPv6 forms that embed an IPv4 address are judged by the embedded address.
  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::",
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
  ])("allows %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("resolveAllowedAddress", () => {
  it("refuses schemes other than http(s) and URLs with credentials", async () => {
    for (const url of ["file:///etc/passwd", "ftp://example.com/", "javascript:alert(1)"]) {
      const error = await refusal(resolveAllowedAddress(url, STRICT, resolverOf({})));
      expect(error.code).toBe("URL_REFUSED");
      expect(error.message).toMatch(/only http and https/);
    }
    const withUser = await refusal(
      resolveAllowedAddress("http://user:pw@news.example/", STRICT, resolverOf({})),
    );
    expect(withUser.message).toMatch(/user name or password/);
  });

  it("refuses IP literals in every spelling the URL parser accepts", async () => {
    for (const url of [
      "http://127.0.0.1/",
      "http://2130706433/",
      "http://0x7f.1/",
      "http://[::1]:8080/",
      "http://[::ffff:169.254.169.254]/",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      const error = await refusal(resolveAllowedAddress(url, STRICT, resolverOf({})));
      expect(error.code, url).toBe("URL_REFUSED");
    }
  });

  // What reaches the guard is the URL parser's host: the decimal, hex, octal and short
  // IPv4 spellings become 127.0.0.1; the IPv6 ones stay IPv6 (::127.0.0.1 is [::7f00:1]).
  it.each([
    "http://2130706433/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://[::127.0.0.1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://[64:ff9b:1::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
  ])("refuses %s as loopback", async (url) => {
    const error = await refusal(resolveAllowedAddress(url, STRICT, resolverOf({})));
    expect(error.code).toBe("URL_REFUSED");
    expect(error.message).toContain("a loopback address");
  });

  it("refuses a name that resolves to an IPv6 form of a private IPv4 address", async () => {
    const resolve = resolverOf({
      "compat.example": ["::a00:1"],
      "nat64.example": ["64:ff9b::a9fe:a9fe"],
      "teredo.example": ["2001:0:4136:e378:8000:63bf:80ff:fffe"],
    });
    for (const host of ["compat.example", "nat64.example", "teredo.example"]) {
      const error = await refusal(resolveAllowedAddress(`http://${host}/`, STRICT, resolve));
      expect(error.code, host).toBe("URL_REFUSED");
      expect(error.message, host).toContain(`${host} resolves to`);
    }
  });

  it("checks every resolved address: one private among public ones refuses the name", async () => {
    const resolve = resolverOf({
      "news.example": ["93.184.216.34"],
      "mixed.example": ["93.184.216.34", "10.0.0.7"],
      "intranet.example": ["192.168.1.10"],
    });
    await expect(resolveAllowedAddress("https://news.example/a", STRICT, resolve)).resolves.toEqual(
      {
        address: "93.184.216.34",
        family: 4,
      },
    );
    const mixed = await refusal(resolveAllowedAddress("https://mixed.example/", STRICT, resolve));
    expect(mixed.message).toContain("mixed.example resolves to 10.0.0.7");
    expect(mixed.message).toContain("CORPUS_ALLOW_PRIVATE_URLS");
    const intranet = await refusal(
      resolveAllowedAddress("http://intranet.example/", STRICT, resolve),
    );
    expect(intranet.message).toContain("a private address");
  });

  it("allows private addresses when CORPUS_ALLOW_PRIVATE_URLS says so", async () => {
    const resolve = resolverOf({ "intranet.example": ["192.168.1.10"] });
    await expect(
      resolveAllowedAddress("http://intranet.example/", { allowPrivate: true }, resolve),
    ).resolves.toEqual({ address: "192.168.1.10", family: 4 });
  });

  it("keeps link-local and cloud metadata addresses refused with CORPUS_ALLOW_PRIVATE_URLS", async () => {
    const resolve = resolverOf({ "metadata.google.internal": ["169.254.169.254"] });
    for (const url of [
      "http://169.254.169.254/latest/meta-data/",
      "http://169.254.1.2/",
      "http://[fe80::1]/",
      "http://[fd00:ec2::254]/latest/meta-data/",
      "http://100.100.100.200/latest/meta-data/",
      "http://[::ffff:169.254.169.254]/",
      "http://[::169.254.169.254]/",
      "http://[64:ff9b::169.254.169.254]/",
      "http://metadata.google.internal/computeMetadata/v1/",
    ]) {
      const error = await refusal(resolveAllowedAddress(url, { allowPrivate: true }, resolve));
      expect(error.code, url).toBe("URL_REFUSED");
      expect(error.message, url).toContain("CORPUS_ALLOW_LINK_LOCAL_URLS");
    }
    const metadata = await refusal(
      resolveAllowedAddress("http://169.254.169.254/", { allowPrivate: true }, resolve),
    );
    expect(metadata.message).toContain("a link-local address");
  });

  it("allows link-local addresses only when CORPUS_ALLOW_LINK_LOCAL_URLS names them", async () => {
    const both = { allowPrivate: true, allowLinkLocal: true };
    for (const url of ["http://169.254.169.254/", "http://[fe80::1]/", "http://[fd00:ec2::254]/"]) {
      await expect(resolveAllowedAddress(url, both, resolverOf({})), url).resolves.toBeDefined();
    }
    // Link-local alone lifts only link-local: an intranet address stays refused.
    const linkLocalOnly = { allowPrivate: false, allowLinkLocal: true };
    await expect(
      resolveAllowedAddress("http://169.254.1.2/", linkLocalOnly, resolverOf({})),
    ).resolves.toEqual({ address: "169.254.1.2", family: 4 });
    const intranet = await refusal(
      resolveAllowedAddress("http://10.0.0.1/", linkLocalOnly, resolverOf({})),
    );
    expect(intranet.message).toContain("CORPUS_ALLOW_PRIVATE_URLS");
  });

  it("checks every address of a name with CORPUS_ALLOW_PRIVATE_URLS too", async () => {
    const resolve = resolverOf({ "mixed.example": ["10.0.0.7", "169.254.169.254"] });
    const error = await refusal(
      resolveAllowedAddress("http://mixed.example/", { allowPrivate: true }, resolve),
    );
    expect(error.message).toContain("mixed.example resolves to 169.254.169.254");
  });

  it("allows exactly the listed endpoints: the same host on another port is refused", async () => {
    const policy = { allowPrivate: false, allowedEndpoints: ["127.0.0.1:4000", "[::1]:4000"] };
    await expect(resolveAllowedAddress("http://127.0.0.1:4000/x", policy)).resolves.toMatchObject({
      address: "127.0.0.1",
    });
    await expect(resolveAllowedAddress("http://[::1]:4000/x", policy)).resolves.toMatchObject({
      address: "::1",
    });
    const otherPort = await refusal(resolveAllowedAddress("http://127.0.0.1:4001/x", policy));
    expect(otherPort.message).toContain("a loopback address");
    const otherHost = await refusal(resolveAllowedAddress("http://127.0.0.2:4000/x", policy));
    expect(otherHost.code).toBe("URL_REFUSED");
  });

  it("reports a name that does not resolve as a fetch failure, not a refusal", async () => {
    const error = await refusal(
      resolveAllowedAddress("http://nowhere.example/", STRICT, resolverOf({})),
    );
    expect(error.code).toBe("FETCH_FAILED");
    expect(error.message).toContain("ENOTFOUND");
  });
});

describe("redirects", () => {
  let site: NewsSite;
  beforeAll(async () => {
    site = await startNewsSite();
  });
  afterAll(async () => {
    await site.close();
  });

  const fetchVia = (location: string, policy: FetchOptions["policy"]) => {
    const path = `/redirect/${encodeURIComponent(location)}`;
    site.set(path, { status: 302, headers: { location } });
    return fetchDocument(site.url(path), {
      policy: { ...policy, allowedEndpoints: [`127.0.0.1:${site.port}`] },
      limits: { timeoutMs: 2_000, maxBytes: 1024 * 1024 },
    });
  };

  it("refuses a redirect to the metadata address with CORPUS_ALLOW_PRIVATE_URLS", async () => {
    for (const host of ["169.254.169.254", "[fd00:ec2::254]", "[::ffff:a9fe:a9fe]"]) {
      const error = await refusal(
        fetchVia(`http://${host}/latest/meta-data/`, { allowPrivate: true }),
      );
      expect(error.code, host).toBe("URL_REFUSED");
      expect(error.message, host).toContain("CORPUS_ALLOW_LINK_LOCAL_URLS");
    }
  });

  it("checks the address a redirect leads to, in its IPv6 spellings too", async () => {
    // On the site's own port only 127.0.0.1 is allowed, not the IPv6 spellings of it.
    const p = site.port;
    for (const host of [
      `[::7f00:1]:${p}`,
      `[::ffff:7f00:1]:${p}`,
      `[64:ff9b::7f00:1]:${p}`,
      "2130706433:1",
    ]) {
      const error = await refusal(fetchVia(`http://${host}/x`, STRICT));
      expect(error.code, host).toBe("URL_REFUSED");
    }
  });
});
