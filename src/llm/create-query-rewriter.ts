import type { QueryRewriter } from "../engine/composer.ts";
import type { Logger } from "../log/logger.ts";
import { foldForMatch } from "../text/normalize.ts";
import { RewriteSchema } from "./answer-schema.ts";
import type { ModelCaller } from "./create-model-caller.ts";
import type { Prompts } from "./load-prompts.ts";
import { dataBlockNonce } from "./render-passages.ts";

export const MAX_REWRITES = 3;
const MAX_QUERY_CHARS = 300;
/** Enough names to map most roles and nicknames, few enough to keep the prompt small. */
const MAX_NAMES_CHARS = 4000;

export interface QueryRewriterOptions {
  caller: ModelCaller;
  prompts: Prompts;
  logger: Logger;
  /** The corpus's language, as the model should write queries in it. */
  language?: string;
  /** Names the corpus quotes (read at each question, so a refreshed corpus counts). */
  knownNames?: () => readonly string[];
}

/**
 * Asks the model for other ways to search for a question: key words, the name behind a
 * role or nickname, a translation. Proposals are only search input (the engine keeps one
 * only if it retrieves passages) and are never shown. Any failure proposes nothing.
 */
export function createQueryRewriter(options: QueryRewriterOptions): QueryRewriter {
  const { caller, prompts, logger } = options;
  const language = options.language ?? "English";

  return {
    async rewrite(question, signal) {
      const names = namesList(options.knownNames?.() ?? []);
      const nonce = dataBlockNonce(question, names);
      const result = await caller.call(
        {
          schema: RewriteSchema,
          schemaName: "search_queries",
          messages: [
            { role: "system", content: await prompts.rewriteSystem.format({ nonce, language }) },
            {
              role: "user",
              content: await prompts.rewriteUser.format({ nonce, question, names }),
            },
          ],
        },
        signal,
      );
      if (!result.ok) {
        logger.warn(
          { reason: result.failure, detail: result.detail, attempts: result.attempts },
          `query rewrite not used (${result.failure})`,
        );
        return [];
      }
      const seen = new Set([foldForMatch(question)]);
      const queries: string[] = [];
      for (const raw of result.value.queries) {
        const query = raw.replace(/\s+/g, " ").trim();
        const key = foldForMatch(query);
        if (key.length === 0 || query.length > MAX_QUERY_CHARS || seen.has(key)) continue;
        seen.add(key);
        queries.push(query);
        if (queries.length >= MAX_REWRITES) break;
      }
      return queries;
    },
  };
}

function namesList(names: readonly string[]): string {
  let list = "";
  for (const name of names) {
    const next = list ? `${list}; ${name}` : name;
    if (next.length > MAX_NAMES_CHARS) break;
    list = next;
  }
  return list || "(none listed)";
}
