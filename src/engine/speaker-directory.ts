import type { ArticleSpeaker, SpeakerKind, Statement } from "../speakers/attribute-speakers.ts";
import { nameKey, surnameKey } from "../speakers/name-key.ts";

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

/**
 * Merges each article's speakers into one directory: the same name key is the same
 * person; a surname alone ("Putin" in an article that never gives his first name) joins
 * the one full name that ends with it.
 */
export function buildSpeakerDirectory(perArticle: readonly ArticleSpeakers[]): SpeakerDirectory {
  const all: SpeakerEntry[] = [];
  const byKey = new Map<string, number>();
  const local = new Map<string, number>();
  const surnames = new Map<string, number | null>();

  const add = (s: ArticleSpeaker): number => {
    const entry: SpeakerEntry = {
      id: all.length,
      name: s.name,
      kind: s.kind,
      roles: [],
      statements: [],
      aliases: [],
    };
    all.push(entry);
    byKey.set(s.key, entry.id);
    return entry.id;
  };
  // Full names first, so that a lone surname elsewhere can join them.
  const ordered = perArticle.flatMap((a) => a.speakers.map((s) => ({ articleId: a.articleId, s })));
  const single = (s: ArticleSpeaker) => s.kind === "person" && !s.name.includes(" ");
  for (const { articleId, s } of ordered.filter((o) => !single(o.s))) {
    const id = byKey.get(s.key) ?? add(s);
    local.set(`${articleId}\u0000${s.key}`, id);
    for (const r of s.roles) if (!all[id]!.roles.includes(r)) all[id]!.roles.push(r);
    if (s.kind === "person") {
      const sk = surnameKey(s.name);
      surnames.set(sk, surnames.has(sk) && surnames.get(sk) !== id ? null : id);
    }
  }
  for (const { articleId, s } of ordered.filter((o) => single(o.s))) {
    const id = surnames.get(s.key) ?? byKey.get(s.key) ?? add(s);
    local.set(`${articleId}\u0000${s.key}`, id);
    for (const r of s.roles) if (!all[id]!.roles.includes(r)) all[id]!.roles.push(r);
  }

  const aliasIndex = new Map<string, number[]>();
  const alias = (key: string, id: number) => {
    if (!key) return;
    const ids = aliasIndex.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    aliasIndex.set(key, ids);
    if (!all[id]!.aliases.includes(key)) all[id]!.aliases.push(key);
  };
  for (const e of all) {
    if (e.kind === "person") {
      alias(nameKey(e.name), e.id);
      alias(surnameKey(e.name), e.id);
    } else if (e.kind === "organization") {
      const bare = nameKey(e.name.replace(/^the /i, ""));
      // A one-word outlet ("The Times") is found only with its article: "times" is a common word.
      alias(bare.includes(" ") ? bare : `the ${bare}`, e.id);
      if (bare.includes(" ")) alias(`the ${bare}`, e.id);
    }
  }
  const longestAlias = Math.max(1, ...[...aliasIndex.keys()].map((k) => k.split(" ").length));
  return {
    all,
    longestAlias,
    get: (id) => all[id]!,
    idOf: (articleId, key) => local.get(`${articleId}\u0000${key}`) ?? -1,
    byAlias: (key) => aliasIndex.get(key) ?? [],
  };
}
