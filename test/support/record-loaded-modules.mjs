// `node --import ./test/support/record-loaded-modules.mjs ...`: writes the URL of every ES
// module the process loads to stderr, one `loaded-module <url>` line each, so a test can
// count what a start-up loads.
import { register } from "node:module";

register(
  `data:text/javascript,${encodeURIComponent(
    'export async function load(url, context, next) { process.stderr.write("loaded-module " + url + "\\n"); return next(url, context); }',
  )}`,
);
