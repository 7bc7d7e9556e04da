import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PromptTemplate } from "@langchain/core/prompts";
import { AppError } from "../errors.ts";

/** The shipped prompt templates, beside `src/`. */
export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));

/** Each template file and the placeholders it must use, all of them and no others. */
const TEMPLATES = {
  composeSystem: { file: "compose-system.md", variables: ["nonce"] },
  composeUser: { file: "compose-user.md", variables: ["nonce", "question", "passages"] },
  rewriteSystem: { file: "rewrite-system.md", variables: ["nonce", "language"] },
  rewriteUser: { file: "rewrite-user.md", variables: ["nonce", "question", "names"] },
} as const;

export type PromptName = keyof typeof TEMPLATES;
export type Prompts = Record<PromptName, PromptTemplate>;

/**
 * Reads the prompt templates once, at start-up. They are mustache templates (`{{question}}`),
 * so the JSON examples in them need no escaping and values are inserted as they are, never
 * re-read as template text. A missing file or a wrong placeholder stops the start with a
 * message naming the file.
 */
export function loadPrompts(dir: string = DEFAULT_PROMPTS_DIR): Prompts {
  const prompts = {} as Prompts;
  for (const [name, spec] of Object.entries(TEMPLATES) as [
    PromptName,
    (typeof TEMPLATES)[PromptName],
  ][]) {
    const path = join(dir, spec.file);
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new AppError(
        "CONFIG_INVALID",
        `The prompt template ${path} cannot be read (${(error as NodeJS.ErrnoException).code}). The LLM mode needs the prompts/ folder that ships with the bot.`,
        { cause: error },
      );
    }
    let template: PromptTemplate;
    try {
      template = PromptTemplate.fromTemplate(text, { templateFormat: "mustache" });
    } catch (error) {
      throw new AppError(
        "CONFIG_INVALID",
        `The prompt template ${path} is not a valid template: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const expected: readonly string[] = spec.variables;
    const unknown = template.inputVariables.filter((v) => !expected.includes(v));
    const missing = expected.filter((v) => !template.inputVariables.includes(v));
    if (unknown.length > 0 || missing.length > 0) {
      const problems = [
        ...unknown.map((v) => `uses {{${v}}}, which is not provided`),
        ...missing.map((v) => `does not use {{${v}}}`),
      ];
      throw new AppError(
        "CONFIG_INVALID",
        `The prompt template ${path} ${problems.join(" and ")}. Its placeholders must be: ${expected.map((v) => `{{${v}}}`).join(", ")}.`,
      );
    }
    prompts[name] = template;
  }
  return prompts;
}
