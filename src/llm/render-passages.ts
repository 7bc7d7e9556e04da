import { randomBytes } from "node:crypto";
import type { RetrievedPassage } from "../engine/composer.ts";

/**
 * The passages as the model reads them: each with its id, its source and who speaks in it,
 * then its text unchanged (the model must copy spans from it character for character).
 */
export function renderPassages(passages: readonly RetrievedPassage[]): string {
  return passages
    .map((p) => {
      const date = p.article.published ? `, ${p.article.published}` : "";
      const speakers = [
        ...new Set(
          p.sentences
            .filter((s) => s.speaker !== null)
            .map((s) => (s.speakerRole ? `${s.speaker} (${s.speakerRole})` : `${s.speaker}`)),
        ),
      ];
      const who = speakers.length > 0 ? ` Speakers: ${speakers.join("; ")}.` : "";
      const head = `[${p.id}] "${oneLine(p.article.title)}" (${oneLine(p.article.publisher)}${date}), paragraph ${p.paragraph}.${who}`;
      return `${head}\n${oneLine(p.text)}`;
    })
    .join("\n\n");
}

/**
 * A random tag for the data blocks of one request. The data cannot close a block it does
 * not know the tag of; a tag that happens to occur in the data is drawn again.
 */
export function dataBlockNonce(...data: string[]): string {
  for (;;) {
    const nonce = randomBytes(6).toString("hex");
    if (!data.some((text) => text.includes(nonce))) return nonce;
  }
}

/** Newlines inside a field would let data pose as a new passage header. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}
