// The extraction worker's entry, in plain JavaScript: on Node 20 a worker thread does not
// get the tsx loader its parent was started with (`--import tsx` in execArgv does not reach
// the entry module), and vitest's transform never reaches a worker at all. tsImport loads
// the TypeScript module through tsx in both cases.
import { tsImport } from "tsx/esm/api";

await tsImport("./article-worker.ts", import.meta.url);
