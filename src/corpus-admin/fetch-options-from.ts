import type { CorpusConfig } from "../config/corpus-config.ts";
import type { FetchOptions } from "../ingest/fetch-page.ts";

/** The ingestion rules the configuration sets: private and link-local URLs, deadline, size cap. */
export function fetchOptionsFrom(config: CorpusConfig): FetchOptions {
  return {
    policy: {
      allowPrivate: config.CORPUS_ALLOW_PRIVATE_URLS,
      allowLinkLocal: config.CORPUS_ALLOW_LINK_LOCAL_URLS,
    },
    limits: {
      timeoutMs: config.CORPUS_FETCH_TIMEOUT_SECONDS * 1000,
      maxBytes: Math.round(config.CORPUS_FETCH_MAX_MB * 1024 * 1024),
    },
  };
}
