import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { formatArticle } from "../../src/corpus/format-article.ts";

/** What must never reach chat: the secret article's only paragraph holds this code. */
export const SECRET_CODE = "4417";

export const SECRET_ARTICLE = {
  id: "vault-notes",
  title: "Vault notes",
  publisher: "Nobody",
  url: "https://vault.example/notes",
  published: "2024-09-20",
  language: "en",
  paragraphs: [
    `“The vault code is ${SECRET_CODE},” said the keeper, who asked that it stay on this machine.`,
  ],
};

/**
 * A valid corpus file on this machine that a chat `/add` must never read: written as
 * `dir/secret.md`, its path returned.
 */
export async function writeSecretArticle(dir: string): Promise<string> {
  const path = join(dir, "secret.md");
  await writeFile(path, formatArticle(SECRET_ARTICLE));
  return path;
}
