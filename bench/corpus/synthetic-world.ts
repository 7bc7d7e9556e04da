import {
  DESCRIPTIVE_ROLES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  PLACE_ENDINGS,
  PLACE_MIDDLES,
  PLACE_ONSETS,
  SURNAMES,
  TITLE_ROLES,
} from "./names.ts";
import type { Prng } from "./prng.ts";
import { TOPICS } from "./topics.ts";

export interface Country {
  name: string;
  /** "Valarian", for "the Valarian government". */
  adjective: string;
}

export interface SyntheticPerson {
  first: string;
  last: string;
  /** "he" or "she": the pronoun of "..., she said." */
  pronoun: "he" | "she";
  /** A title that stands before the name ("Foreign Minister"), or null. */
  title: string | null;
  /** An apposition that follows the name ("an economist at ..."), used when title is null. */
  description: string | null;
  /** Index into TOPICS: the subject this person is usually quoted on. */
  topic: number;
}

/** The invented places, institutions and people every article of one corpus shares. */
export interface SyntheticWorld {
  countries: Country[];
  cities: string[];
  companies: string[];
  institutes: string[];
  banks: string[];
  unions: string[];
  people: SyntheticPerson[];
  /** Indices into `people`, grouped by topic, most quoted first. */
  peopleByTopic: number[][];
  /** Every index into `people`, in order (for Zipf picks over everyone). */
  everyone: number[];
}

const COMPANY_KINDS = [
  "Energy",
  "Holdings",
  "Group",
  "Logistics",
  "Steel",
  "Telecom",
  "Motors",
  "Pharma",
  "Foods",
  "Mining",
  "Airways",
  "Systems",
  "Capital",
  "Shipping",
  "Chemicals",
];
const INSTITUTE_KINDS = [
  "Institute for Strategic Studies",
  "Centre for Economic Policy",
  "Institute of International Affairs",
  "Policy Forum",
  "Foundation for Democracy",
  "Centre for Security Studies",
  "Research Council",
  "School of Economics",
];
const UNION_KINDS = [
  "Transport Workers' Union",
  "Teachers' Union",
  "Miners' Federation",
  "Nurses' Association",
  "Farmers' Union",
  "Dockworkers' Union",
  "Steelworkers' Union",
  "Federation of Trade Unions",
];

/** Builds a place-like word from syllables, unique within `taken`. */
function inventName(prng: Prng, taken: Set<string>, ending?: string): string {
  for (;;) {
    const parts = [prng.pick(PLACE_ONSETS).toLowerCase(), prng.pick(PLACE_MIDDLES)];
    if (prng.chance(0.35)) parts.push(prng.pick(PLACE_MIDDLES));
    parts.push(ending ?? prng.pick(PLACE_ENDINGS));
    const word = parts.join("");
    const name = word.charAt(0).toUpperCase() + word.slice(1);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** The world scales with the corpus, so a large corpus has many more rare names. */
export function createWorld(prng: Prng, articleCount: number): SyntheticWorld {
  const taken = new Set<string>();
  const countries: Country[] = [];
  for (let i = 0; i < 40; i++) {
    const name = inventName(prng, taken, "ia");
    countries.push({ name, adjective: `${name}n` });
  }
  const cities = Array.from({ length: clamp(articleCount / 2, 80, 4000) }, () =>
    inventName(prng, taken),
  );
  const companies = Array.from(
    { length: clamp(articleCount / 5, 30, 1500) },
    () => `${inventName(prng, taken)} ${prng.pick(COMPANY_KINDS)}`,
  );
  const institutes = Array.from(
    { length: clamp(articleCount / 40, 10, 200) },
    () => `the ${prng.pick(cities)} ${prng.pick(INSTITUTE_KINDS)}`,
  );
  const banks = Array.from(
    { length: clamp(articleCount / 50, 8, 150) },
    () =>
      `${inventName(prng, taken)} ${prng.pick(["Bank", "Capital", "Securities", "Investment Bank"])}`,
  );
  const unions = Array.from(
    { length: 30 },
    () => `the ${prng.pick(countries).adjective} ${prng.pick(UNION_KINDS)}`,
  );

  const people: SyntheticPerson[] = [];
  const fullNames = new Set<string>();
  const peopleCount = clamp(articleCount * 0.4, 40, 4000);
  while (people.length < peopleCount) {
    const pronoun = prng.chance(0.5) ? "she" : "he";
    const first = prng.pick(pronoun === "she" ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = prng.zipf(SURNAMES, 0.6);
    if (fullNames.has(`${first} ${last}`)) continue;
    fullNames.add(`${first} ${last}`);
    const titled = prng.chance(0.55);
    const world = { cities, companies, institutes, banks, unions };
    people.push({
      first,
      last,
      pronoun,
      title: titled ? prng.pick(TITLE_ROLES) : null,
      description: titled ? null : fillRole(prng, prng.pick(DESCRIPTIVE_ROLES), world),
      topic: prng.int(TOPICS.length),
    });
  }
  const peopleByTopic = TOPICS.map(() => [] as number[]);
  for (const [i, person] of people.entries()) peopleByTopic[person.topic]?.push(i);
  const everyone = people.map((_, i) => i);
  return {
    countries,
    cities,
    companies,
    institutes,
    banks,
    unions,
    people,
    peopleByTopic,
    everyone,
  };
}

function fillRole(
  prng: Prng,
  template: string,
  world: Pick<SyntheticWorld, "cities" | "companies" | "institutes" | "banks" | "unions">,
): string {
  return template
    .replace("{institute}", prng.pick(world.institutes))
    .replace("{company}", prng.pick(world.companies))
    .replace("{bank}", prng.pick(world.banks))
    .replace("{union}", prng.pick(world.unions))
    .replace("{city}", prng.pick(world.cities))
    .replace("{ministry}", `the Ministry of ${prng.pick(TOPICS).ministry}`);
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}
