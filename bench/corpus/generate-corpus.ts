import type { Article } from "../../src/corpus/article.ts";
import { PUBLISHERS } from "./names.ts";
import {
  type ArticleSpeaker,
  background,
  directQuote,
  headline,
  institutional,
  lede,
  type QuoteMarks,
  reported,
} from "./paragraphs.ts";
import { createPrng, type Prng } from "./prng.ts";
import type { Writer } from "./sentences.ts";
import { createWorld, type SyntheticWorld } from "./synthetic-world.ts";
import { TOPICS } from "./topics.ts";

export const DEFAULT_SEED = 20240817;

export interface GenerateCorpusOptions {
  articles: number;
  seed?: number;
}

/** A person the corpus quotes directly, with what their quotes are about. */
export interface GeneratedSpeaker {
  name: string;
  surname: string;
  /** Title or description as written ("Foreign Minister", "an economist at ..."). */
  role: string;
  /** Direct quotations across the corpus. */
  quotes: number;
  /** Topic nouns of their direct quotes, most frequent first (at most 20). */
  topics: string[];
}

export interface GeneratedCorpus {
  articles: Article[];
  speakers: GeneratedSpeaker[];
  /** The countries' adjectives ("Valarian"), most written about first. */
  places: string[];
}

const CURLY: QuoteMarks = { open: "\u201C", close: "\u201D" };
const STRAIGHT: QuoteMarks = { open: '"', close: '"' };

/**
 * Generates `articles` synthetic news articles: about ten paragraphs each, with named
 * speakers, roles, direct and reported speech, dates, places and topic vocabulary. The
 * same options always give the same corpus, character for character.
 */
export function generateCorpus(options: GenerateCorpusOptions): GeneratedCorpus {
  const prng = createPrng(options.seed ?? DEFAULT_SEED);
  const world = createWorld(prng.fork(), options.articles);
  const tally = new Map<number, { quotes: number; nouns: Map<string, number> }>();
  const articles: Article[] = [];
  for (let i = 0; i < options.articles; i++) {
    articles.push(generateArticle(prng.fork(), world, i, tally));
  }
  const speakers: GeneratedSpeaker[] = [];
  for (const [index, { quotes, nouns }] of tally) {
    const person = world.people[index];
    if (!person) continue;
    speakers.push({
      name: `${person.first} ${person.last}`,
      surname: person.last,
      role: person.title ?? person.description ?? "",
      quotes,
      topics: [...nouns.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 20)
        .map(([noun]) => noun),
    });
  }
  speakers.sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name));
  return { articles, speakers, places: world.countries.map((c) => c.adjective) };
}

function pickSpeakers(prng: Prng, world: SyntheticWorld, topic: number, count: number): number[] {
  const chosen = new Set<number>();
  const local = world.peopleByTopic[topic] ?? [];
  while (chosen.size < count) {
    chosen.add(
      local.length > 0 && prng.chance(0.7) ? prng.zipf(local, 0.9) : prng.zipf(world.everyone, 0.5),
    );
  }
  return [...chosen];
}

function generateArticle(
  prng: Prng,
  world: SyntheticWorld,
  index: number,
  tally: Map<number, { quotes: number; nouns: Map<string, number> }>,
): Article {
  const topicIndex = TOPICS.indexOf(prng.zipf(TOPICS, 0.6));
  const topic = TOPICS[topicIndex] ?? (TOPICS[0] as (typeof TOPICS)[number]);
  const curly = prng.chance(0.6);
  const marks = curly ? CURLY : STRAIGHT;
  const w: Writer = {
    prng,
    world,
    topic,
    country: prng.zipf(world.countries, 0.8),
    city: prng.zipf(world.cities, 0.9),
    apos: curly && prng.chance(0.8) ? "\u2019" : "'",
    nouns: [],
  };
  const speakerIds = pickSpeakers(prng, world, topicIndex, prng.between(2, 4));
  const speakers: ArticleSpeaker[] = speakerIds.map((id) => ({
    person: world.people[id] as ArticleSpeaker["person"],
    introduced: false,
    nouns: [],
    quotes: 0,
  }));
  const [first, second] = speakers as [ArticleSpeaker, ArticleSpeaker];
  const paragraphs = [
    lede(w, first),
    directQuote(w, first, marks),
    background(w),
    prng.chance(0.5) ? reported(w, second) : directQuote(w, second, marks),
    directQuote(w, second, marks),
    institutional(w),
  ];
  const total = prng.between(8, 12);
  while (paragraphs.length < total) {
    const speaker = prng.pick(speakers);
    const roll = prng.int(10);
    if (roll < 4 || speaker.quotes === 0) paragraphs.push(directQuote(w, speaker, marks));
    else if (roll < 6) paragraphs.push(reported(w, speaker));
    else if (roll < 8) paragraphs.push(background(w));
    else paragraphs.push(institutional(w));
  }
  speakers.forEach((s, i) => {
    if (s.quotes === 0) return;
    const id = speakerIds[i] as number;
    const entry = tally.get(id) ?? { quotes: 0, nouns: new Map<string, number>() };
    entry.quotes += s.quotes;
    for (const noun of s.nouns) entry.nouns.set(noun, (entry.nouns.get(noun) ?? 0) + 1);
    tally.set(id, entry);
  });
  const year = prng.between(2015, 2024);
  const month = prng.between(1, 12);
  const published = prng.chance(0.9) ? `${year}-${pad(month)}-${pad(prng.between(1, 28))}` : null;
  const id = `synthetic-${String(index + 1).padStart(6, "0")}`;
  return {
    id,
    title: headline(w, first.person),
    publisher: prng.pick(PUBLISHERS),
    url: `https://news.example.org/${year}/${pad(month)}/${id}`,
    published,
    language: "en",
    paragraphs,
  };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
