import { placeGroups } from "../text/place-names.ts";
import { nameKey } from "./name-key.ts";

/** Each one-word country, capital or demonym (name keys) → its country's key. */
let COUNTRY_OF: Map<string, string> | undefined;

function countryOf(word: string): string | undefined {
  if (!COUNTRY_OF) {
    COUNTRY_OF = new Map();
    for (const group of placeGroups()) {
      const country = nameKey(group[0]!);
      for (const w of group) COUNTRY_OF.set(nameKey(w), country);
    }
  }
  return COUNTRY_OF.get(word);
}

/** Words that make a country's name its government: "Ruritanian officials". */
const GOVERNMENT = new Set([
  "officials",
  "oficials",
  "authorities",
  "authoriti",
  "government",
  "goverment",
  "leadership",
  "leadership",
]);
const SENIORITY = new Set(["senior", "top", "high", "junior"]);
const LINK_WORDS = new Set(["of", "the", "for", "and", "de", "du", "des", "la", "le", "on"]);

/**
 * One key for the ways news text names one organisation: "Ruritania's Defence Ministry"
 * and "Ruritanian Defence Ministry", "Russia's Foreign Ministry" and "Russian Foreign
 * Ministry". A country's possessive, its demonym and its adjective (by English word
 * formation: -n, -ian) read alike; "the" is dropped.
 */
export function organizationKey(name: string): string {
  let words = nameKey(name.replace(/^the\s+/i, ""))
    .split(" ")
    .filter(Boolean);
  // "Ruritanian officials", "the government of Ruritania": the country's government.
  if (words.length >= 2 && GOVERNMENT.has(words.at(-1)!)) words = words.slice(0, -1);
  if (words.length >= 3 && GOVERNMENT.has(words[0]!) && words[1] === "of") words = words.slice(2);
  words = words.filter((w, i) => i > 0 || !SENIORITY.has(w) || words.length === 1);
  return words
    .map((w) => countryOf(w) ?? (w.length > 5 && w.endsWith("an") ? w.slice(0, -1) : w))
    .join(" ");
}

/** The initials of a name's words, link words left out: "Office of Energy Markets" → "oem". */
export function acronymOf(name: string): string | null {
  const words = nameKey(name.replace(/^the\s+/i, ""))
    .split(" ")
    .filter((w) => w && !LINK_WORDS.has(w));
  return words.length >= 2 ? words.map((w) => w[0]).join("") : null;
}
