/**
 * One benchmark part for one corpus size, in its own process so sizes and indexes do not
 * share a heap: `bench/run.ts` starts it with --expose-gc and reads the JSON it writes.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseSize } from "./harness/bench-corpus.ts";
import { parseIndexKind } from "./harness/index-kinds.ts";
import { measureDiscordPart } from "./harness/measure-discord.ts";
import { measureEnginePart } from "./harness/measure-engine.ts";
import { measureIndexPart } from "./harness/measure-index-part.ts";
import { measureListingsPart } from "./harness/measure-listings.ts";
import { measureRefreshPart } from "./harness/measure-refresh.ts";
import { measureTelegramPart } from "./harness/measure-telegram.ts";

const { values } = parseArgs({
  options: {
    part: { type: "string" },
    index: { type: "string" },
    start: { type: "string" },
    "cache-file": { type: "string" },
    size: { type: "string" },
    seed: { type: "string" },
    "cache-dir": { type: "string" },
    questions: { type: "string" },
    warmup: { type: "string" },
    out: { type: "string" },
  },
});

const options = {
  size: parseSize(values.size ?? "shipped"),
  seed: Number(values.seed),
  cacheDir: values["cache-dir"] ?? "",
  questions: Number(values.questions),
  warmup: Number(values.warmup),
};
if (!values.out || !options.cacheDir || !Number.isFinite(options.seed)) {
  console.error("run-size: --out, --cache-dir and --seed are required (bench/run.ts passes them)");
  process.exit(2);
}

let result: unknown;
switch (values.part) {
  case "engine":
    if (values.start !== "first" && values.start !== "restart") {
      console.error(`run-size: --start must be first or restart, got "${values.start}"`);
      process.exit(2);
    }
    result = await measureEnginePart(
      options,
      parseIndexKind(values.index),
      values.start,
      values["cache-file"] ?? "",
    );
    break;
  case "indexes":
    result = await measureIndexPart(options);
    break;
  case "refresh":
    result = await measureRefreshPart(options, values["cache-file"] ?? "");
    break;
  case "telegram":
    result = await measureTelegramPart(options);
    break;
  case "discord":
    result = await measureDiscordPart(options);
    break;
  case "listings":
    result = await measureListingsPart(options, values["cache-file"] ?? "");
    break;
  default:
    console.error(`run-size: unknown --part "${values.part}"`);
    process.exit(2);
}
await writeFile(values.out, JSON.stringify(result));
// The faces leave sockets and timers behind (the fakes' keep-alive, discord.js): the
// result is written, so end here rather than wait for them.
process.exit(0);
