const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Escapes text for Telegram's HTML parse mode, in element content and in double-quoted
 * attribute values alike. Everything that comes from a person or the corpus goes
 * through here: it is data, never markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char);
}
