import { z } from "zod";
import { ArticleMetaSchema } from "../corpus/article.ts";
import { FileMetaSchema } from "../corpus/article-from-text.ts";

/** The store file's format version: a newer file is refused rather than misread. */
export const STORE_VERSION = 1;

const ActorSchema = z.object({
  platform: z.enum(["cli", "telegram", "discord", "schedule"]),
  id: z.string(),
  name: z.string().nullable().optional(),
});

const ArticleSchema = ArticleMetaSchema.extend({
  paragraphs: z.array(z.string()).min(1),
});

export const SourceSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(["page", "feed", "file"]),
  location: z.string().min(1),
  title: z.string().nullable(),
  addedAt: z.string(),
  addedBy: ActorSchema,
  checkedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  excluded: z.array(z.string()).default([]),
  meta: FileMetaSchema.optional(),
});

export const StoredArticleSchema = z.object({
  article: ArticleSchema,
  sourceId: z.string().min(1),
  origin: z.string(),
  canonicalUrl: z.string(),
  textHash: z.string(),
  byline: z.string().nullable(),
  addedAt: z.string(),
  updatedAt: z.string(),
});

export const AuditEntrySchema = z.object({
  at: z.string(),
  actor: ActorSchema,
  action: z.enum(["add", "remove", "refresh"]),
  target: z.string(),
  summary: z.string(),
  added: z.array(z.string()),
  updated: z.array(z.string()),
  removed: z.array(z.string()),
  failed: z.array(z.object({ target: z.string(), reason: z.string() })),
});

export const StoreDataSchema = z.object({
  version: z.literal(STORE_VERSION, { error: `must be ${STORE_VERSION}` }),
  articles: z.array(StoredArticleSchema),
  sources: z.array(SourceSchema),
  log: z.array(AuditEntrySchema),
});

export type StoreData = z.infer<typeof StoreDataSchema>;

export function emptyStoreData(): StoreData {
  return { version: STORE_VERSION, articles: [], sources: [], log: [] };
}
