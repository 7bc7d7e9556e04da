import cyrillicToTranslit from "cyrillic-to-translit-js";
import { doubleMetaphone } from "double-metaphone";
import { distance } from "fastest-levenshtein";
import { nameKey } from "./name-key.ts";

/**
 * Sound keys of one name word (Double Metaphone, primary and alternate): Ivanov and
 * Ivanoff, Yusuf and Yousef, Volodymyr and Vladimir, Kowalczyk and Kovalchyk share one.
 * What lookups of misspelt or transliterated names are indexed by.
 */
export function soundKeys(word: string): string[] {
  let keys = SOUND_KEYS.get(word);
  if (!keys) {
    const [primary, alternate] = doubleMetaphone(word);
    keys = [...new Set([primary, alternate].filter(Boolean))];
    if (SOUND_KEYS.size < 100_000) SOUND_KEYS.set(word, keys);
  }
  return keys;
}
const SOUND_KEYS = new Map<string, string[]>();

/** How many edits a name key of this length may be from another and still be the same name. */
export function maxEdits(key: string): number {
  return key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
}

export const editDistance = distance;

/**
 * Whether two keyed name words (see nameKey) are spellings of one name: equal, or
 * one letter apart, or sounding alike and a few edits apart (Zelensky/Zelenskyi,
 * Mykhailo/Mikhail, Ivanov/Ivanoff, Bohdan/Bogdan). An initial matches a name with its letter ("J." and "Jane").
 */
export function nameWordsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length === 1 || b.length === 1) return a[0] === b[0];
  const edits = distance(a, b);
  // One letter apart in a longer name: Bohdan/Bogdan, Kovalchuk/Kovaltchuk.
  if (edits <= 1 && Math.min(a.length, b.length) >= 5) return true;
  const sa = soundKeys(a);
  if (!soundKeys(b).some((k) => sa.includes(k))) return false;
  return edits <= Math.min(maxEdits(a), maxEdits(b));
}

type Transliterator = (config?: { preset: "ru" | "uk" | "mn" }) => {
  transform(input: string): string;
};
// A CommonJS module whose typings declare an ES default export.
const translit = ((cyrillicToTranslit as unknown as { default?: Transliterator }).default ??
  cyrillicToTranslit) as unknown as Transliterator;
const UK = translit({ preset: "uk" });
const RU = translit({ preset: "ru" });
const CYRILLIC = /\p{Script=Cyrillic}/u;

export const hasCyrillic = (text: string) => CYRILLIC.test(text);

/**
 * Latin spellings of a Cyrillic text: the Ukrainian and the Russian transliteration
 * systems (Михайло → Mykhailo, Лавров → Lavrov), the text itself when it has no Cyrillic.
 */
export function latinSpellings(text: string): string[] {
  if (!CYRILLIC.test(text)) return [text];
  // The Russian preset leaves the Ukrainian letters (і, ї, є, ґ) as they are.
  const ru = RU.transform(text.replace(/і/g, "i").replace(/І/g, "I"));
  return [...new Set([UK.transform(text), ru])];
}

/** A name's words as keys, the hyphenated surname kept as one ("okonkwo berg"). */
export function surnameForms(name: string): string[] {
  const parts = name.trim().split(/\s+/);
  const last = parts[parts.length - 1] ?? "";
  const forms = [nameKey(last)];
  if (/[-‐]/.test(last)) {
    for (const part of last.split(/[-‐]/)) if (part) forms.push(nameKey(part));
  }
  return forms.filter(Boolean);
}
