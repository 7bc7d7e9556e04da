/**
 * The first JSON object in a model's reply. Servers that ignore `response_format` (older
 * Ollama and llama.cpp builds, small models) wrap it in prose, a Markdown fence or a
 * `<think>` block; this finds it anyway. Returns undefined when there is none.
 */
export function extractJsonObject(reply: string): unknown {
  const text = reply.replace(/<think>[\s\S]*?<\/think>/gi, "").trim();
  const whole = tryParse(text);
  if (isObject(whole)) return whole;
  for (let from = text.indexOf("{"); from >= 0; from = text.indexOf("{", from + 1)) {
    const end = matchingBrace(text, from);
    if (end < 0) continue;
    const value = tryParse(text.slice(from, end + 1));
    if (isObject(value)) return value;
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Index of the `}` closing the object that opens at `from`, skipping braces in strings. */
function matchingBrace(text: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
