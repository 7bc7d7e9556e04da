import type { SpeakerKind } from "../speakers/attribute-speakers.ts";
import { ORG_HEADS } from "../speakers/lexicon.ts";
import { acronymOf, organizationKey } from "../speakers/organization-key.ts";

/**
 * Joins the occurrences of one organisation named in several ways, through the speaker
 * directory's union-find: "Ruritania's Defence Ministry" and "Ruritanian Defence
 * Ministry" (one organisation key); "The OEM" and the only organisation whose initials it
 * is; a bare "Defence Ministry" and the only longer name that ends with it; a one-word
 * short form ("Aurora") and the only two-word brand name it begins ("Aurora Grid"), where
 * the second word is no institution's head ("Ruritania Ministry" is not Ruritania).
 */
export function mergeOrganizations(
  occurrences: readonly { name: string; kind: SpeakerKind; words: readonly string[] }[],
  union: (i: number, j: number) => void,
  find: (i: number) => number,
): void {
  const byOrgKey = new Map<string, number>();
  const byAcronym = new Map<string, Set<number>>();
  const byLastWord = new Map<string, number[]>();
  const byFirstWord = new Map<string, number[]>();
  const orgKeys = new Map<number, string>();
  occurrences.forEach((o, i) => {
    if (o.kind !== "organization") return;
    const key = organizationKey(o.name);
    orgKeys.set(i, key);
    const first = byOrgKey.get(key);
    if (first === undefined) byOrgKey.set(key, i);
    else union(first, i);
    const acronym = acronymOf(o.name);
    if (acronym) byAcronym.set(acronym, (byAcronym.get(acronym) ?? new Set()).add(i));
    const parts = key.split(" ");
    if (parts.length === 2 && !ORG_HEADS.has(parts[1]!)) {
      byFirstWord.set(parts[0]!, [...(byFirstWord.get(parts[0]!) ?? []), i]);
    }
    const last = parts.at(-1)!;
    const list = byLastWord.get(last);
    if (list) list.push(i);
    else byLastWord.set(last, [i]);
  });
  const rootsOf = (ids: Iterable<number>) => new Set([...ids].map(find));
  for (const [i, key] of orgKeys) {
    const o = occurrences[i]!;
    const roots =
      o.words.length === 1
        ? rootsOf(byAcronym.get(o.words[0]!) ?? byFirstWord.get(key) ?? [])
        : rootsOf(
            (byLastWord.get(key.split(" ").at(-1)!) ?? []).filter((j) => {
              const other = orgKeys.get(j)!;
              return other.length > key.length && other.endsWith(` ${key}`);
            }),
          );
    if (roots.size === 1) union([...roots][0]!, i);
  }
}
