import { processIo } from "./cli-io.ts";
import { runCorpus } from "./run-corpus.ts";

process.exitCode = await runCorpus(processIo());
