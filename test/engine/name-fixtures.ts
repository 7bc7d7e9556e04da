import type { Article } from "../../src/index.ts";

/**
 * Two invented articles about an invented country (Lorvania) for the name, role and
 * language tests: people spelt differently by two outlets, a former president beside
 * the president, a top diplomat, a deputy governor.
 */
export const NAME_ARTICLES: Article[] = [
  {
    id: "lorvania-talks-resume",
    title: "Lorvania says river talks will resume",
    publisher: "The Marlow Gazette",
    url: "https://example.test/lorvania-talks-resume",
    published: "2031-05-04",
    language: "en",
    paragraphs: [
      "MARLOW, May 4 — Lorvanian President Lidia Ostrowska said on Tuesday that the grain corridor along the river would stay open through the summer.",
      "Foreign Minister Bohdan Kovalenko said the ceasefire talks in Kell would resume next week. “We are ready to return to the table on the same terms,” Kovalenko said.",
      "Former President Bruno Falk said the corridor deal was a trap that would cost the country its harbour.",
      "Deputy Governor Marit Halvorsen said the flood defences at the harbour had been repaired after the spring storms.",
    ],
  },
  {
    id: "kell-talks-live",
    title: "Live: ceasefire talks in Kell",
    publisher: "Northern Wire",
    url: "https://example.test/kell-talks-live",
    published: "2031-05-11",
    language: "en",
    paragraphs: [
      "09:10 — Foreign Minister Bogdan Kovalenko of Lorvania said the first session had been “businesslike and long”.",
      "09:40 — Army spokeswoman Ingeborg Tveit said no shots had been fired along the river overnight.",
    ],
  },
];
