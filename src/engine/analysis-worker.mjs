// The analysis worker's entry, in plain JavaScript: a worker thread does not get the tsx
// loader its parent was started with (see src/ingest/extract-worker.mjs).
import { tsImport } from "tsx/esm/api";

await tsImport("./analysis-worker.ts", import.meta.url);
