import { describe, expect, it } from "vitest";
import { acronymOf, organizationKey } from "../../src/speakers/organization-key.ts";

describe("organizationKey", () => {
  it("reads a country's possessive, demonym and adjective alike", () => {
    expect(organizationKey("Russia's Foreign Ministry")).toBe(
      organizationKey("Russian Foreign Ministry"),
    );
    expect(organizationKey("Ostravia's Defence Ministry")).toBe(
      organizationKey("Ostravian Defence Ministry"),
    );
    expect(organizationKey("The Daily Ledger")).toBe(organizationKey("Daily Ledger"));
  });

  it("takes a country's officials and its government for the country", () => {
    expect(organizationKey("Ostravian officials")).toBe(organizationKey("Ostravia"));
    expect(organizationKey("Senior Ostravian officials")).toBe(organizationKey("Ostravia"));
    expect(organizationKey("Government of Ostravia")).toBe(organizationKey("Ostravia"));
  });

  it("keeps different organisations apart", () => {
    expect(organizationKey("Russian Foreign Ministry")).not.toBe(
      organizationKey("Russian Defence Ministry"),
    );
  });
});

describe("acronymOf", () => {
  it("takes the initials of the words, link words left out", () => {
    expect(acronymOf("Office of Energy Markets")).toBe("oem");
    expect(acronymOf("The Harbour Transit Authority")).toBe("hta");
    expect(acronymOf("Reuters")).toBeNull();
  });
});
