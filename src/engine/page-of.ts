/** One page of a listing, numbered from 1, and where it sits in the whole. */
export interface Page<T> {
  items: T[];
  /** The page shown: the one asked for, moved into range (past the end: the last page). */
  page: number;
  /** Pages in all; at least 1, even for an empty listing. */
  pages: number;
  perPage: number;
  /** Items in the whole listing. */
  total: number;
  /** The 0-based position of the first item in the whole listing. */
  first: number;
}

/**
 * Page `page` (from 1) of `items`, `perPage` to a page: a slice, so it costs the page,
 * not the listing. A page past the end gives the last one, so "next" on a listing that
 * shrank meanwhile still shows something true.
 */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): Page<T> {
  const size = Math.max(1, Math.floor(perPage));
  const pages = Math.max(1, Math.ceil(items.length / size));
  const shown = Number.isFinite(page) ? Math.min(pages, Math.max(1, Math.floor(page))) : 1;
  const first = (shown - 1) * size;
  return {
    items: items.slice(first, first + size),
    page: shown,
    pages,
    perPage: size,
    total: items.length,
    first,
  };
}
