import { createRequire } from "node:module";
import { loadWordGroups } from "./load-word-list.ts";
import { foldForMatch } from "./normalize.ts";

interface CountryRecord {
  name: { common: string };
  capital: string[];
  demonyms?: { eng?: { m?: string; f?: string } };
}

/**
 * Words that name one country: its common name, its capital and its people ("Ukraine",
 * "Kyiv", "Ukrainian"), from the `world-countries` data, plus the seats of power news
 * text uses for governments (seats-of-power.txt). One-word names only, as a single term
 * stands for them; a demonym several countries share ("American") is left out.
 */
export function placeGroups(): string[][] {
  const countries = createRequire(import.meta.url)(
    "world-countries/countries.json",
  ) as CountryRecord[];
  const demonymUse = new Map<string, number>();
  for (const c of countries)
    for (const d of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f]))
      if (d) demonymUse.set(d, (demonymUse.get(d) ?? 0) + 1);
  const groups: string[][] = [];
  for (const c of countries) {
    const demonyms = [c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter(
      (d): d is string => !!d && demonymUse.get(d) === 1,
    );
    const names = [
      c.name.common,
      ...c.capital.map((capital) => capital.replace(/\s+D\.C\.$/, "")),
      ...demonyms,
    ];
    const single = [
      ...new Set(names.filter((n) => n && !/\s/.test(n)).map((n) => foldForMatch(n))),
    ];
    if (single.length >= 2) groups.push(single);
  }
  return [...groups, ...loadWordGroups("seats-of-power")];
}
