import type { ArticleSpeaker, Statement } from "../speakers/attribute-speakers.ts";
import { nameKey } from "../speakers/name-key.ts";
import { type SpeakerDirectory, type SpeakerEntry, spellingAliases } from "./speaker-directory.ts";
import { splitTitle } from "./split-title.ts";

interface AddedSpeakers {
  articleId: string;
  speakers: ArticleSpeaker[];
  statements: Statement[];
}

/**
 * `base` with the speakers of a few added articles merged in, and the statements of
 * `deleted` passages left out, without reading the rest of the corpus: the directory of a
 * snapshot that answers for the few seconds until a full rebuild is swapped in.
 *
 * An added speaker joins the entry its full name key already names (any spelling the base
 * merged), or, named by one word, the only entry that word names; otherwise it becomes a
 * new entry at the end. What only the full rebuild does: merging new spellings that merely
 * sound alike (Syrskyi and Syrsky), the "only one longer name" rule against the whole
 * corpus, re-choosing an entry's displayed name, and forgetting a speaker whose only
 * statements were deleted (they keep their entry, with no statements, aliases or roles).
 *
 * Base entries are never written: every entry a change touches is copied, and every entry
 * an added article's speaker maps to is a copy, so the caller may push statements to it.
 */
export function extendSpeakerDirectory(
  base: SpeakerDirectory,
  added: readonly AddedSpeakers[],
  deleted: ReadonlySet<number>,
  removedArticleIds: ReadonlySet<string>,
): SpeakerDirectory {
  const all = base.all.slice();
  const copied = new Set<number>();
  const own = (id: number): SpeakerEntry => {
    if (!copied.has(id)) {
      const e = all[id]!;
      all[id] = {
        ...e,
        roles: [...e.roles],
        statements: [...e.statements],
        aliases: [...e.aliases],
        spellings: [...e.spellings],
      };
      copied.add(id);
    }
    return all[id]!;
  };

  // Deleted statements leave their speakers; a speaker left with none is no longer named.
  const dead = new Set<number>();
  if (deleted.size > 0) {
    const touched = new Set<number>();
    for (const e of base.all) if (e.statements.some((p) => deleted.has(p))) touched.add(e.id);
    for (const id of touched) {
      const e = own(id);
      e.statements = e.statements.filter((p) => !deleted.has(p));
      if (e.statements.length === 0) {
        // Found by neither name nor role: questions go to the speakers still quoted.
        dead.add(id);
        e.aliases = [];
        e.roles = [];
      }
    }
  }

  const addedAliases = new Map<string, number[]>();
  const lookup = (key: string): number[] => {
    const ids = base.byAlias(key).filter((id) => !dead.has(id));
    for (const id of addedAliases.get(key) ?? []) if (!ids.includes(id)) ids.push(id);
    return ids;
  };
  const addAliases = (e: SpeakerEntry, spelling: string) => {
    const put = (key: string) => {
      if (!key) return;
      const ids = addedAliases.get(key) ?? [];
      if (!ids.includes(e.id)) ids.push(e.id);
      addedAliases.set(key, ids);
      if (!e.aliases.includes(key)) e.aliases.push(key);
    };
    // Partial names ("okonkwo" of "Ada Okonkwo Berg") need the whole corpus to be unique.
    spellingAliases(e, spelling, put, () => {});
  };

  const local = new Map<string, number>();
  for (const article of added) {
    for (const s of article.speakers) {
      const { name, title } =
        s.kind === "person" ? splitTitle(s.name) : { name: s.name, title: null };
      const roles = title ? [...s.roles, title] : [...s.roles];
      const words = nameKey(name.replace(/^the\s+/i, ""))
        .split(" ")
        .filter(Boolean);
      let id = -1;
      if (s.kind !== "unnamed" && words.length > 0) {
        const keys =
          words.length > 1
            ? [words.join(" ")]
            : s.kind === "person"
              ? [words[0]!]
              : [`the ${words[0]}`, words[0]!];
        for (const key of keys) {
          const ids = lookup(key);
          // A full name is one speaker; one word names someone only when it names one.
          if (ids.length === 1 || (ids.length > 1 && words.length > 1)) {
            id = ids[0]!;
            break;
          }
        }
      }
      if (id >= 0) {
        const e = own(id);
        for (const r of roles) if (!e.roles.includes(r)) e.roles.push(r);
        if (s.kind === "organization") e.kind = "organization";
        if (!e.spellings.includes(name)) {
          e.spellings.push(name);
          addAliases(e, name);
        }
      } else {
        id = all.length;
        // A "person" only ever named in one word is a country or an institution.
        const kind = s.kind === "person" && words.length === 1 ? "organization" : s.kind;
        const e: SpeakerEntry = {
          id,
          name,
          kind,
          roles,
          statements: [],
          aliases: [],
          spellings: [name],
        };
        all.push(e);
        copied.add(id);
        addAliases(e, name);
      }
      local.set(`${article.articleId}\u0000${s.key}`, id);
    }
  }

  const longestAlias = Math.max(
    base.longestAlias,
    ...[...addedAliases.keys()].map((k) => k.split(" ").length),
  );
  return {
    all,
    longestAlias,
    get: (id) => all[id]!,
    idOf: (articleId, key) =>
      local.get(`${articleId}\u0000${key}`) ??
      (removedArticleIds.has(articleId) ? -1 : base.idOf(articleId, key)),
    byAlias: lookup,
  };
}
