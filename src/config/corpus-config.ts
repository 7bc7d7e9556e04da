import { z } from "zod";

const flag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positive = (what: string, max: number) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .positive(`must be ${what}`)
    .max(max, `must be at most ${max}`);

/** Corpus management: URL ingestion limits and the scheduled refresh. */
export const CorpusConfigSchema = z.object({
  CORPUS_ALLOW_PRIVATE_URLS: flag.default(false),
  // Apart from the above: link-local is where the cloud metadata service (credentials) lives.
  CORPUS_ALLOW_LINK_LOCAL_URLS: flag.default(false),
  CORPUS_FETCH_TIMEOUT_SECONDS: positive("a number of seconds", 600).default(20),
  CORPUS_FETCH_MAX_MB: positive("a number of megabytes", 100).default(5),
  CORPUS_FEED_MAX_ITEMS: positive("a whole number", 1000).int("must be a whole number").default(30),
  REFRESH_INTERVAL_MINUTES: z.coerce
    .number({ error: "must be a whole number of minutes (0 turns it off)" })
    .int("must be a whole number of minutes (0 turns it off)")
    .min(0, "must be 0 (off) or more")
    .max(7 * 24 * 60, "must be at most a week")
    .default(0),
});

export type CorpusConfig = z.infer<typeof CorpusConfigSchema>;
