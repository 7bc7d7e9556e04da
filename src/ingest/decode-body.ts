/**
 * Decodes a fetched body to text: the charset from the Content-Type header, else the
 * one the document declares in its first bytes (`<meta charset>`, `<?xml encoding>`),
 * else UTF-8. An unknown label falls back to UTF-8 rather than failing the article.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | undefined): string {
  const label = charsetOf(contentType) ?? declaredCharset(bytes) ?? "utf-8";
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(bytes);
}

function charsetOf(contentType: string | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match?.[1] ?? null;
}

function declaredCharset(bytes: Uint8Array): string | null {
  // The declaration must sit near the top (HTML requires the first 1024 bytes).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const match =
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return match?.[1] ?? null;
}
