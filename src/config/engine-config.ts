import { z } from "zod";
import { LOG_FORMATS, LOG_LEVELS } from "../log/logger.ts";
import { SEARCH_INDEX_NAMES } from "../search/search-indexes.ts";
import { StoreConfigShape } from "./store-config.ts";

export const DEFAULT_MAX_QUESTION_LENGTH = 1000;

const positiveInt = (what: string) =>
  z.coerce
    .number({ error: `must be ${what}` })
    .int(`must be ${what}`)
    .positive(`must be ${what}`);

/** The engine's part of the environment. Each face adds its own schema beside it. */
export const EngineConfigSchema = z.object({
  CORPUS_DIR: z.string().default("./corpus"),
  DATA_DIR: z.string().default("./data"),
  ...StoreConfigShape,
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
    .default("info"),
  LOG_FORMAT: z
    .enum(LOG_FORMATS, { error: `must be one of ${LOG_FORMATS.join(", ")}` })
    .default("auto"),
  MAX_QUOTES: positiveInt("a whole number from 1 to 10").max(10).default(3),
  MAX_QUESTION_LENGTH: positiveInt("a whole number of characters")
    .max(100_000)
    .default(DEFAULT_MAX_QUESTION_LENGTH),
  /** Unset means DEFAULT_SEARCH_INDEX (bm25). */
  SEARCH_INDEX: z
    .enum(SEARCH_INDEX_NAMES, { error: `must be one of ${SEARCH_INDEX_NAMES.join(", ")}` })
    .optional(),
});

export type EngineConfig = z.infer<typeof EngineConfigSchema>;
