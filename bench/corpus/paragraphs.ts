import { PUBLISHERS } from "./names.ts";
import {
  amount,
  capitalize,
  clause,
  nounPhrase,
  spokenQuote,
  topicNoun,
  type Writer,
} from "./sentences.ts";
import type { SyntheticPerson } from "./synthetic-world.ts";
import { MONTHS, SPEECH_VERBS, WEEKDAYS } from "./topics.ts";

/** Quote marks of one article: news sites use either straight or curly quotes throughout. */
export interface QuoteMarks {
  open: string;
  close: string;
}

/** A speaker as one article writes them: introduced once in full, then by surname. */
export interface ArticleSpeaker {
  person: SyntheticPerson;
  introduced: boolean;
  /** Topic nouns in this speaker's direct quotes in this article. */
  nouns: string[];
  quotes: number;
}

function fullName(p: SyntheticPerson): string {
  return `${p.first} ${p.last}`;
}

/** "Foreign Minister Anna Kowalski" or "Anna Kowalski, an economist at ...,". */
function introduce(s: ArticleSpeaker): string {
  s.introduced = true;
  const p = s.person;
  return p.title ? `${p.title} ${fullName(p)}` : `${fullName(p)}, ${p.description},`;
}

/** Surname after the first mention, the full introduction before it. */
function mention(s: ArticleSpeaker): string {
  return s.introduced ? s.person.last : introduce(s);
}

function quoted(w: Writer, s: ArticleSpeaker): { body: string; last: string } {
  w.nouns = [];
  const quote = spokenQuote(w);
  s.nouns.push(...w.nouns);
  s.quotes += 1;
  return quote;
}

export function lede(w: Writer, s: ArticleSpeaker): string {
  const when = w.prng.chance(0.6) ? ` on ${w.prng.pick(WEEKDAYS)}` : "";
  const extra = w.prng.chance(0.6) ? `, as ${clause(w)}` : "";
  return `${w.city.toUpperCase()} — ${introduce(s)} said${when} that ${clause(w)}${extra}.${more(w)}`;
}

/** A direct quotation with its attribution, in one of the shapes news prose uses. */
export function directQuote(w: Writer, s: ArticleSpeaker, marks: QuoteMarks): string {
  const { prng } = w;
  const { open: o, close: c } = marks;
  const canUsePronoun = s.introduced;
  const shape = prng.int(canUsePronoun ? 6 : 3);
  if (shape === 0) {
    const { body, last } = quoted(w, s);
    return `${mention(s)} said: ${o}${body}${last}.${c}${more(w)}`;
  }
  if (shape === 1 && s.introduced) {
    const { body, last } = quoted(w, s);
    return `${o}${body}${last},${c} said ${s.person.last}.`;
  }
  if (shape <= 2) {
    const where = prng.pick([
      "",
      ` on ${prng.pick(WEEKDAYS)}`,
      ` in an interview with ${prng.pick(PUBLISHERS)}`,
      ` at a news conference in ${w.city}`,
      ` in a televised address`,
    ]);
    const name = mention(s);
    const { body, last } = quoted(w, s);
    // An apposition ends with a comma; "said" then follows it directly.
    return name.endsWith(",")
      ? `${o}${body}${last},${c} ${name.slice(0, -1)} said${where}.${more(w)}`
      : `${o}${body}${last},${c} ${name} said${where}.${more(w)}`;
  }
  if (shape === 3) {
    const { body, last } = quoted(w, s);
    return `${o}${body}${last},${c} ${s.person.pronoun} said. ${o}${capitalize(quoted(w, s).last)}.${c}`;
  }
  if (shape === 4) {
    const { body, last } = quoted(w, s);
    return `${o}${body}${last},${c} ${s.person.pronoun} added, speaking to reporters in ${w.city}.${more(w)}`;
  }
  const { body, last } = quoted(w, s);
  return `${o}${body}${last}?${c} ${s.person.last} asked. ${capitalize(s.person.pronoun)} ${prng.pick(SPEECH_VERBS)} that ${clause(w)}.`;
}

export function reported(w: Writer, s: ArticleSpeaker): string {
  return `${mention(s)} ${w.prng.pick(SPEECH_VERBS)} that ${clause(w)}.${more(w)}`;
}

/** Sometimes a further sentence of context, so paragraphs have news-like length. */
function more(w: Writer): string {
  return w.prng.chance(0.8) ? ` ${capitalize(clause(w))}${tail(w)}.` : "";
}

function tail(w: Writer): string {
  return w.prng.chance(0.4)
    ? `, ${w.prng.pick(["officials said", "according to local media", "the agency reported", "sources said"])}`
    : "";
}

export function institutional(w: Writer): string {
  const { prng } = w;
  switch (prng.int(4)) {
    case 0:
      return `According to the Ministry of ${w.topic.ministry}, ${clause(w)}. ${capitalize(clause(w))}.`;
    case 1:
      return `The Ministry of ${w.topic.ministry} said in a statement that ${clause(w)}.${more(w)}`;
    case 2:
      return `${capitalize(prng.pick(w.world.institutes))} estimated that ${nounPhrase(w)} had cost ${amount(w)}, according to a report published on ${prng.pick(WEEKDAYS)}.${more(w)}`;
    default:
      return `${prng.pick(w.world.companies)} said it ${prng.pick(["would", "could not", "did not plan to"])} comment on ${nounPhrase(w)}, according to ${prng.pick(w.world.unions)}.`;
  }
}

export function background(w: Writer): string {
  const { prng } = w;
  const year = prng.between(1995, 2024);
  switch (prng.int(4)) {
    case 0:
      return `${capitalize(clause(w))}. ${capitalize(nounPhrase(w))} ${prng.pick(["rose", "fell", "grew", "shrank"])} by ${amount(w)} in ${year}.${more(w)}`;
    case 1:
      return `On ${prng.pick(MONTHS)} ${prng.between(1, 28)}, ${year}, ${clause(w)}.${more(w)}`;
    case 2:
      return `In ${prng.pick(MONTHS)}, ${clause(w)}, and ${clause(w)}. The ${topicNoun(w)} remains a concern for ${prng.zipf(w.world.cities)}.`;
    default:
      return `Critics say ${clause(w)}. Supporters counter that ${clause(w)}, pointing to ${amount(w)} in new ${topicNoun(w)} spending.`;
  }
}

export function headline(w: Writer, lead: SyntheticPerson): string {
  const { prng } = w;
  const event = prng.pick([
    "plan stalls",
    "talks resume",
    "row deepens",
    "deal takes shape",
    "crisis widens",
    "reform faces test",
  ]);
  return `${w.country.adjective} ${topicNoun(w)} ${event} as ${lead.last} warns of ${topicNoun(w)} ${prng.pick(["risks", "delays", "costs"])}`;
}
