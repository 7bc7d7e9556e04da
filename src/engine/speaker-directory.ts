import type { ArticleSpeaker, SpeakerKind, Statement } from "../speakers/attribute-speakers.ts";
import { NAME_PARTICLES } from "../speakers/lexicon.ts";
import { nameKey, surnameKey } from "../speakers/name-key.ts";
import { nameWordsAlike, soundKeys, surnameForms } from "../speakers/name-match.ts";
import { directoryOf } from "./directory-of.ts";
import { mergeOrganizations } from "./merge-organizations.ts";
import { type Spelling, samePerson } from "./same-person.ts";
import { splitTitle } from "./split-title.ts";

/** A speaker across the whole corpus. */
export interface SpeakerEntry {
  id: number;
  name: string;
  kind: SpeakerKind;
  roles: string[];
  /** Passage ids of their statements, in corpus order. */
  statements: number[];
  /** Keys (see nameKey) a question can name them by: "iuri ushakov", "ushakov". */
  aliases: string[];
  /** Every spelling the articles use for them ("Syrskyi", "Syrsky"). */
  spellings: string[];
}

export interface SpeakerDirectory {
  readonly all: readonly SpeakerEntry[];
  get(id: number): SpeakerEntry;
  /** The corpus-wide id of an article's speaker key. */
  idOf(articleId: string, key: string): number;
  /** Speakers a name key (one or more words) names. */
  byAlias(key: string): readonly number[];
  /** The longest alias, in words, so a question scan knows how far to look. */
  readonly longestAlias: number;
}

interface ArticleSpeakers {
  articleId: string;
  speakers: ArticleSpeaker[];
  statements: Statement[];
}

/** One article's speaker, its name cleaned of a leading title. */
interface Occurrence {
  articleId: string;
  key: string;
  name: string;
  kind: SpeakerKind;
  roles: string[];
  statements: number;
  /** The paragraph of their first statement in the article. */
  first: number;
  /** Name keys of the words, "the" dropped: "washington ledger". */
  words: string[];
}

/**
 * Merges each article's speakers into one directory, one entry per real source:
 * - the same name key is the same speaker;
 * - spellings and transliterations of one name (Syrskyi and Syrsky, Ivanov and
 *   Ivanoff, Mykhailo and Mikhail) are one person when neither's roles say the other
 *   is a former holder of an office they hold ("former President X" stays apart);
 * - a single word ("Putin", "Siemens", "The Post") joins the one longer name that
 *   begins or ends with it, when only one does.
 * Roles from every article accumulate on the entry; its name is the spelling the
 * corpus quotes most.
 */
export function buildSpeakerDirectory(perArticle: readonly ArticleSpeakers[]): SpeakerDirectory {
  const occurrences: Occurrence[] = [];
  for (const a of perArticle) {
    const counts = new Map<string, number>();
    const first = new Map<string, number>();
    for (const s of a.statements) {
      counts.set(s.speakerKey, (counts.get(s.speakerKey) ?? 0) + 1);
      if (!first.has(s.speakerKey)) first.set(s.speakerKey, s.paragraph);
    }
    for (const s of a.speakers) {
      const { name, title } =
        s.kind === "person" ? splitTitle(s.name) : { name: s.name, title: null };
      const roles = title ? [...s.roles, title] : [...s.roles];
      occurrences.push({
        articleId: a.articleId,
        key: s.key,
        name,
        kind: s.kind,
        roles,
        statements: counts.get(s.key) ?? 0,
        first: first.get(s.key) ?? 0,
        words: nameKey(name.replace(/^the\s+/i, ""))
          .split(" ")
          .filter(Boolean),
      });
    }
  }

  // Union-find over occurrences.
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const ri = find(i);
    const rj = find(j);
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  };

  // 1. The same key (articles' "the" aside) is the same speaker.
  const byFullKey = new Map<string, number>();
  occurrences.forEach((o, i) => {
    if (o.kind === "unnamed") return;
    // A full name is one speaker whichever kind an article took it for ("Aurora Grid"
    // reads like a person's name until an article calls it a utility); a one-word name
    // may be a person and a country ("Jordan").
    const kind = o.words.length > 1 ? "n" : o.kind === "person" ? "p" : "o";
    const key = `${kind}:${o.words.join(" ")}`;
    const first = byFullKey.get(key);
    if (first === undefined) byFullKey.set(key, i);
    else union(first, i);
  });

  // 1b. Organisations named alike (see merge-organizations.ts).
  mergeOrganizations(occurrences, union, find);

  // 2. Full person names that sound or spell alike, bucketed by their surname's sound and
  // first letters.
  const bySurnameSound = new Map<string, number[]>();
  occurrences.forEach((o, i) => {
    if (o.kind !== "person" || o.words.length < 2) return;
    const surname = o.words.at(-1)!;
    for (const k of [...soundKeys(surname), `prefix:${surname.slice(0, 3)}`]) {
      const list = bySurnameSound.get(k) ?? [];
      list.push(i);
      bySurnameSound.set(k, list);
    }
  });
  // Each spelling with the roles of all its occurrences.
  const spellings = new Map<string, Spelling & { first: number }>();
  occurrences.forEach((o, i) => {
    if (o.kind !== "person" || o.words.length < 2) return;
    const key = o.words.join(" ");
    const sp = spellings.get(key) ?? { words: o.words, roles: [], first: i };
    for (const r of o.roles) if (!sp.roles.includes(r)) sp.roles.push(r);
    spellings.set(key, sp);
  });
  for (const list of bySurnameSound.values()) {
    // Distinct spellings only: a bucket holds one person's many articles.
    const reps = [...new Set(list.map((i) => occurrences[i]!.words.join(" ")))].map(
      (k) => spellings.get(k)!,
    );
    for (let x = 0; x < reps.length; x++)
      for (let y = x + 1; y < reps.length; y++)
        if (samePerson(reps[x]!, reps[y]!)) union(reps[x]!.first, reps[y]!.first);
  }

  // 3. One word joins the only longer name that ends (a surname, "The Post") or begins
  // ("Siemens" for "Siemens Energy") with it.
  const longByEdge = new Map<string, Set<number>>();
  const addEdge = (w: string, i: number) => {
    const set = longByEdge.get(w) ?? new Set<number>();
    set.add(i);
    longByEdge.set(w, set);
  };
  occurrences.forEach((o, i) => {
    if (o.kind === "unnamed" || o.words.length < 2) return;
    addEdge(`end:${o.words.at(-1)}`, i);
    if (o.kind === "person") for (const f of surnameForms(o.name)) addEdge(`end:${f}`, i);
    // "Ruritania's Defence Ministry" belongs to Ruritania; it is not Ruritania.
    if (!/^\S+['’]s\s/.test(o.name)) addEdge(`start:${o.words[0]}`, i);
  });
  // Sound-alike surnames too, for "Ivanoff" alone beside "Igor Ivanov".
  const surnameSounds = new Map<string, Set<string>>();
  for (const o of occurrences) {
    if (o.kind !== "person" || o.words.length < 2) continue;
    const s = o.words.at(-1)!;
    for (const k of soundKeys(s)) surnameSounds.set(k, (surnameSounds.get(k) ?? new Set()).add(s));
  }
  const groupsOf = (ids: Iterable<number> | undefined) => new Set([...(ids ?? [])].map(find));
  occurrences.forEach((o, i) => {
    if (o.kind === "unnamed" || o.words.length !== 1) return;
    const w = o.words[0]!;
    let groups = groupsOf(longByEdge.get(`end:${w}`));
    if (groups.size === 0 && o.kind === "person") {
      const alike = new Set<number>();
      for (const k of soundKeys(w))
        for (const s of surnameSounds.get(k) ?? [])
          if (nameWordsAlike(w, s)) for (const j of longByEdge.get(`end:${s}`) ?? []) alike.add(j);
      groups = groupsOf(alike);
    }
    // A bare word may be a company's first ("Siemens" for "Siemens Energy"); "The Bavarian"
    // is more likely a paper of its own.
    if (groups.size === 0 && !/^the\s/i.test(o.name))
      groups = groupsOf(longByEdge.get(`start:${w}`));
    if (groups.size !== 1) return;
    const g = [...groups][0]!;
    // A short form refers back to a name given earlier in its article; one quoted before
    // the long name ("The Times" ahead of "The New York Times") is another speaker.
    const earlierLong = occurrences.some(
      (other, j) =>
        other.articleId === o.articleId && j !== i && find(j) === g && other.first > o.first,
    );
    if (!earlierLong) union(g, i);
  });
  // 4. A longer name that ends with a person's full name is that person with a title the
  // article ran into the name: "President of Ukraine Volodymyr Zelensky".
  const personByKey = new Map<string, number>();
  occurrences.forEach((o, i) => {
    if (o.kind === "person" && o.words.length >= 2) personByKey.set(o.words.join(" "), i);
  });
  occurrences.forEach((o, i) => {
    if (o.kind === "unnamed") return;
    for (let n = o.words.length - 1; n >= 2; n--) {
      const j = personByKey.get(o.words.slice(-n).join(" "));
      if (j === undefined) continue;
      union(j, i);
      const title = o.name
        .split(/\s+/)
        .slice(0, o.words.length - n)
        .join(" ");
      if (title && !occurrences[j]!.roles.includes(title)) o.roles.push(title);
      o.kind = "person";
      o.name = occurrences[j]!.name;
      o.words = occurrences[j]!.words;
      break;
    }
  });

  // Entries, in the order their first occurrence appears.
  const all: SpeakerEntry[] = [];
  const entryOfRoot = new Map<number, number>();
  const local = new Map<string, number>();
  const members = new Map<number, Occurrence[]>();
  occurrences.forEach((o, i) => {
    const root = o.kind === "unnamed" ? i : find(i);
    let id = entryOfRoot.get(root);
    if (id === undefined) {
      id = all.length;
      entryOfRoot.set(root, id);
      all.push({
        id,
        name: o.name,
        kind: o.kind,
        roles: [],
        statements: [],
        aliases: [],
        spellings: [],
      });
      members.set(id, []);
    }
    members.get(id)!.push(o);
    local.set(`${o.articleId}\u0000${o.key}`, id);
  });
  for (const e of all) {
    const ms = members.get(e.id)!;
    // The fullest name the corpus quotes most: "Oleksandr Syrskyi", not "Syrskyi".
    const tally = new Map<string, { n: number; words: number; kind: SpeakerKind }>();
    for (const m of ms) {
      const t = tally.get(m.name) ?? { n: 0, words: m.words.length, kind: m.kind };
      t.n += m.statements + 0.01;
      tally.set(m.name, t);
    }
    const best = [...tally].sort(
      (a, b) => Math.min(b[1].words, 2) - Math.min(a[1].words, 2) || b[1].n - a[1].n,
    )[0]!;
    e.name = best[0];
    const kinds = ms.map((m) => m.kind);
    e.kind = kinds.includes("organization") ? "organization" : kinds[0]!;
    // News text gives a person their full name at least once; a "person" only ever named
    // in one word ("Ruritania said", "Zenda insists") is a country or an institution.
    if (e.kind === "person" && ms.every((m) => m.words.length === 1)) e.kind = "organization";
    for (const m of ms) for (const r of m.roles) if (!e.roles.includes(r)) e.roles.push(r);
    e.spellings = [...tally.keys()];
  }

  const aliasIndex = new Map<string, number[]>();
  const alias = (key: string, id: number) => {
    if (!key) return;
    const ids = aliasIndex.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    aliasIndex.set(key, ids);
    if (!all[id]!.aliases.includes(key)) all[id]!.aliases.push(key);
  };
  const partial: [string, number][] = [];
  for (const e of all)
    for (const spelling of e.spellings)
      spellingAliases(
        e,
        spelling,
        (key) => alias(key, e.id),
        (part) => partial.push([part, e.id]),
      );
  const partials = new Map<string, Set<number>>();
  for (const [key, id] of partial) partials.set(key, (partials.get(key) ?? new Set()).add(id));
  for (const [key, ids] of partials)
    if (!aliasIndex.has(key) && ids.size === 1) alias(key, [...ids][0]!);
  const longestAlias = Math.max(1, ...[...aliasIndex.keys()].map((k) => k.split(" ").length));
  return directoryOf(all, local, aliasIndex, longestAlias);
}

/**
 * The keys a question can name `entry` by under one of its spellings: `alias` for each,
 * `partial` for a part of a person's name that names them only if no one else has it.
 */
export function spellingAliases(
  entry: Pick<SpeakerEntry, "kind" | "spellings">,
  spelling: string,
  alias: (key: string) => void,
  partial: (key: string) => void,
): void {
  if (entry.kind === "person") {
    alias(nameKey(spelling));
    const [surname, ...parts] = surnameForms(spelling);
    // "okonkwo berg" names one person; "okonkwo" or "berg" alone only if no one else is called that.
    alias(surname ?? surnameKey(spelling));
    for (const part of parts) if (part.length >= 3 && !NAME_PARTICLES.has(part)) partial(part);
  } else if (entry.kind === "organization") {
    const bare = nameKey(spelling.replace(/^the /i, ""));
    // A one-word outlet ("The Times") is found only with its article: "times" is a common
    // word. A one-word short form of the entry's own longer name ("Aurora" for "Aurora
    // Grid") is found without it.
    const shortForm =
      !bare.includes(" ") && entry.spellings.some((o) => nameKey(o).startsWith(`${bare} `));
    alias(bare.includes(" ") || shortForm ? bare : `the ${bare}`);
    if (bare.includes(" ")) alias(`the ${bare}`);
  }
}
