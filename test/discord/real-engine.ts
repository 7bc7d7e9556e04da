import {
  type Engine,
  EngineConfigSchema,
  loadEngine,
  parseConfig,
  SILENT_LOGGER,
} from "../../src/index.ts";

/** The real engine over the shipped corpus/ folder. */
export function loadRealEngine(env: Record<string, string> = {}): Promise<Engine> {
  return loadEngine(
    parseConfig(EngineConfigSchema, { CORPUS_DIR: "corpus", ...env }),
    SILENT_LOGGER,
  );
}

/** Questions a person might ask of the seed article: by speaker, by topic, and off-topic. */
export function sampleQuestions(engine: Engine): string[] {
  return [
    ...engine.speakers().map((s) => `What did ${s.name} say?`),
    "What did Ushakov say about negotiations?",
    "What does Zelensky want from the Kursk operation?",
    "Is Russia ready for peace talks?",
    "What did Lavrov say about the West?",
    "How did the Kursk offensive change the negotiations?",
    "What did the Washington Post report?",
    "exchange fund prisoners",
    "What about bananas in Peru?",
    "Who won the 2022 World Cup?",
  ];
}
