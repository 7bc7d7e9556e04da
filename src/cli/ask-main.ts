import { processIo } from "./cli-io.ts";
import { runAsk } from "./run-ask.ts";

process.exitCode = await runAsk(processIo());
