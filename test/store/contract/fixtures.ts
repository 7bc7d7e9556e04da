import type { Answer, AuditEntry, CorpusSource, Quote, StoredArticle } from "../../../src/index.ts";

export const actor = { platform: "cli" as const, id: "tester", name: "Tester" };

export const audit = (summary: string): AuditEntry => ({
  at: "2024-09-01T10:00:00.000Z",
  actor,
  action: "add",
  target: "https://news.example/a",
  summary,
  added: ["a"],
  updated: [],
  removed: [],
  failed: [{ target: "https://news.example/x", reason: "not found" }],
});

export const source = (id = "page-0000aaaa"): CorpusSource => ({
  id,
  kind: "page",
  location: `https://news.example/${id}`,
  title: "A",
  addedAt: "2024-09-01T00:00:00.000Z",
  addedBy: actor,
  checkedAt: null,
  lastError: null,
  excluded: [],
});

export const stored = (id: string, text: string, sourceId = "page-0000aaaa"): StoredArticle => ({
  article: {
    id,
    title: `Title ${id}`,
    publisher: "News",
    url: `https://news.example/${id}`,
    published: "2024-09-01",
    language: "en",
    paragraphs: [text, "A second paragraph — with “quotes” and ünïcode."],
  },
  sourceId,
  origin: `https://news.example/${id}`,
  canonicalUrl: `//news.example/${id}`,
  textHash: `hash-${id}`,
  byline: null,
  addedAt: "2024-09-01T00:00:00.000Z",
  updatedAt: "2024-09-01T00:00:00.000Z",
});

export const quote = (paragraph: number, start = 0): Quote => ({
  text: "We are ready for talks.",
  speaker: "Yuri Ushakov",
  speakerRole: "Kremlin aide",
  source: {
    articleId: "a1",
    title: "Talks",
    publisher: "Paper",
    url: "https://example.org/a",
    published: "2024-08-20",
    paragraph,
  },
  link: "https://example.org/a#:~:text=We%20are%20ready",
  start,
  end: start + 23,
});

export const answer = (
  speaker: string | null,
  quotes: Quote[],
  status: Answer["status"] = "answered",
): Answer => ({
  status,
  question: "q",
  text: "t",
  quotes,
  mode: "extractive",
  speaker,
  moreQuotes: 0,
});
