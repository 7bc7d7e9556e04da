import { describe, expect, it } from "vitest";
import {
  isPublicAddress,
  type Resolver,
  resolveAllowedAddress,
} from "../../src/ingest/guard-url.ts";
import { IngestError } from "../../src/ingest/ingest-error.ts";

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
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])(
    "allows %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
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
