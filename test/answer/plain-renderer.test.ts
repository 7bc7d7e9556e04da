import { renderAnswerPlain } from "../../src/index.ts";
import { rendererContract } from "../contract/renderer-contract.ts";
import { seedEngine } from "../support/seed-engine.ts";

const engine = seedEngine();
const questions = [
  "What did Ushakov say?",
  "What did Putin say?",
  "What did Joe Biden say?",
  "Where were the secret negotiations supposed to take place?",
  "quotes by Podolyak",
];
const answers = await Promise.all(questions.map((q) => engine.ask(q)));

// The terminal has no markup and no length limit: what it must keep is every quote and citation.
rendererContract<string>(
  {
    name: "terminal (plain text)",
    render: renderAnswerPlain,
    visibleText: (text) => text,
    links: (text) => text.match(/https?:\/\/\S+/g) ?? [],
    limitViolations: () => [],
    markupViolations: () => [],
  },
  { answers },
);
