import type { ArticleSummary } from "../engine/engine.ts";
import { type Page, pageOf } from "../engine/page-of.ts";

/** Articles per page of `corpus list` unless `--per-page` says otherwise. */
export const LIST_PER_PAGE = 50;

export interface ListRequest {
  page: number;
  perPage: number;
  /** Every article at once (what `list` printed before it had pages). */
  all: boolean;
}

/** What `corpus list` prints: the page on stdout, and a note on how to get the next one. */
export interface ArticleListing {
  text: string;
  json: string;
  /** Where the listing sits and how to go on; null when everything was printed. */
  note: string | null;
}

const count = (n: number) => n.toLocaleString("en-US");

function formatArticle(a: ArticleSummary): string {
  return [
    `${a.id}`,
    `  ${a.title}`,
    `  ${a.publisher}${a.published ? ` · ${a.published}` : ""} · ${a.paragraphs} paragraphs · ${a.url}`,
    `  quotes: ${a.speakers.length > 0 ? a.speakers.join(", ") : "nobody"}`,
  ].join("\n");
}

function noteOf(page: Page<ArticleSummary>): string | null {
  if (page.pages <= 1) return null;
  const last = page.first + page.items.length;
  const next =
    page.page < page.pages
      ? `next: npm run corpus -- list --page ${page.page + 1}${page.perPage === LIST_PER_PAGE ? "" : ` --per-page ${page.perPage}`}; `
      : "";
  return `Articles ${count(page.first + 1)}–${count(last)} of ${count(page.total)} (page ${count(page.page)} of ${count(page.pages)}); ${next}every article: --all`;
}

/** One page of the articles (or all of them), formatted; costs the page, not the corpus. */
export function listArticles(
  articles: readonly ArticleSummary[],
  request: ListRequest,
): ArticleListing {
  const page = request.all
    ? pageOf(articles, 1, Math.max(1, articles.length))
    : pageOf(articles, request.page, request.perPage);
  return {
    text: page.items.map(formatArticle).join("\n\n"),
    json: JSON.stringify(page.items, null, 2),
    note: request.all ? null : noteOf(page),
  };
}

/** `--page` and `--per-page` as whole numbers from 1, or the sentence saying what is wrong. */
export function parseListRequest(values: {
  page?: string;
  "per-page"?: string;
  all?: boolean;
}): ListRequest | string {
  const whole = (text: string | undefined, fallback: number, flag: string) => {
    if (text === undefined) return fallback;
    return /^\d{1,9}$/.test(text.trim()) && Number(text) >= 1
      ? Number(text)
      : `${flag} takes a whole number from 1 up, not "${text}".`;
  };
  const page = whole(values.page, 1, "--page");
  const perPage = whole(values["per-page"], LIST_PER_PAGE, "--per-page");
  if (typeof page === "string") return page;
  if (typeof perPage === "string") return perPage;
  return { page, perPage, all: values.all === true };
}
