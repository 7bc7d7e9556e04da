import { type Engine, loadCorpus, loadEngine, SILENT_LOGGER } from "../../src/index.ts";
import { generateQuestions } from "../corpus/generate-questions.ts";
import { prepareCorpus } from "./bench-corpus.ts";
import { questionSpeakers, type SizeOptions } from "./size-options.ts";

/** What a face benchmark starts from: the engine over the size's corpus and `count` questions. */
export async function faceBenchSetup(
  options: SizeOptions,
  count: number,
): Promise<{ engine: Engine; questions: ReturnType<typeof generateQuestions> }> {
  const corpus = await prepareCorpus(options.size, options);
  const engine = await loadEngine(
    { CORPUS_DIR: corpus.dir, MAX_QUOTES: 3, MAX_QUESTION_LENGTH: 1000 },
    SILENT_LOGGER,
  );
  const { articles } = await loadCorpus(corpus.dir);
  const questions = generateQuestions({
    articles,
    speakers: questionSpeakers(corpus.speakers, engine.speakers()),
    places: corpus.places,
    count,
    seed: options.seed,
  });
  return { engine, questions };
}
