import type { SpeakerDirectory, SpeakerEntry } from "./speaker-directory.ts";

/** What a directory is made of, to send it to another thread and put it back together. */
export interface DirectoryParts {
  all: SpeakerEntry[];
  local: ReadonlyMap<string, number>;
  aliasIndex: ReadonlyMap<string, readonly number[]>;
  longestAlias: number;
}

const PARTS = new WeakMap<SpeakerDirectory, DirectoryParts>();

/** The parts of a directory directoryOf made. */
export function directoryParts(dir: SpeakerDirectory): DirectoryParts {
  const parts = PARTS.get(dir);
  if (!parts) throw new Error("not a directory made by directoryOf");
  return parts;
}

/**
 * The directory's lookups, made outside buildSpeakerDirectory: closures made there would
 * share its scope and keep every article's occurrences and the merge tables alive
 * (about 30 MB at 10,000 articles). Also how a directory built in a worker thread is put
 * back together from its parts (snapshot-transfer.ts).
 */
export function directoryOf(
  all: SpeakerEntry[],
  local: ReadonlyMap<string, number>,
  aliasIndex: ReadonlyMap<string, readonly number[]>,
  longestAlias: number,
): SpeakerDirectory {
  const dir: SpeakerDirectory = {
    all,
    longestAlias,
    get: (id) => all[id]!,
    idOf: (articleId, key) => local.get(`${articleId}\u0000${key}`) ?? -1,
    byAlias: (key) => aliasIndex.get(key) ?? [],
  };
  PARTS.set(dir, { all, local, aliasIndex, longestAlias });
  return dir;
}
