import type { ParseArgsConfig } from "node:util";
import { LIST_PER_PAGE } from "./list-articles.ts";

/** One `npm run corpus` command: its usage, its options, and how many arguments it takes. */
export interface CorpusCommandSpec {
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** The one argument it needs ("<id>"), or null when it takes none. */
  argument: string | null;
}

const HELP = { help: { type: "boolean", short: "h" } } as const;
const JSON_OPTION = { json: { type: "boolean" } } as const;

export const CORPUS_USAGE = `Usage: npm run corpus -- <command> [options]

Commands:
  list [--json] [--page N]  the articles, and the people each quotes, a page at a time
  speakers [--json]         every statement the speaker index holds, by article:
                            ¶paragraph.sentence, speaker (role), cue
  add <url|file|folder>     a web page, an RSS/Atom feed (kept as a source), a saved page,
                            a corpus file, a plain text or Markdown file, or a folder of them
  remove <id>               an added article, or a source with all its articles
  refresh                   re-read corpus/ and every source: new, changed, removed
  sources [--json]          the pages, feeds and files a refresh reads
  log [--json] [--limit N]  who changed what, newest first
  migrate-store             copy DATA_DIR's store into the PostgreSQL DATABASE_URL names
  help [command]            this text, or one command's

npm run corpus -- <command> --help shows a command's options.`;

const ADD_USAGE = `Usage: npm run corpus -- add <url|file|folder> [options]

Adds to the corpus (kept in DATA_DIR; a refresh reads it again):
  https://…                 a web page, or an RSS/Atom feed whose items are added (and its
                            new items at every refresh)
  page.html                 a saved web page that names its canonical URL
  story.md                  a corpus file: front matter, then one paragraph per line
  story.txt, story.md       plain text or Markdown without front matter: the title is the
                            "# Heading" or the first line, paragraphs are the lines or the
                            blocks between blank lines; give the rest with the options below
  folder/                   every .md, .markdown, .txt and .html file in it (not subfolders)

Options for files (they fill in or override a file's front matter):
  --title TEXT              the headline (one file only)
  --publisher NAME          who published it: needed unless the front matter says
  --url URL                 the article's web address, which every quote links to: needed
                            unless the front matter says
  --published YYYY-MM-DD    the date it was published (optional)
  --language CODE           the language, e.g. en (default en)
  --id ID                   the article's id (one file only; default: made from the title)
  -h, --help                this text

Example: npm run corpus -- add story.txt --publisher "The Daily" --url https://daily.example/story`;

export const CORPUS_COMMANDS: Record<string, CorpusCommandSpec> = {
  list: {
    usage: `Usage: npm run corpus -- list [--json] [--page N] [--per-page M] [--all]

The articles the bot answers from (corpus/ and the added ones), with the people each quotes,
${LIST_PER_PAGE} to a page.
  --json          the page as JSON (the note on the next page goes to stderr)
  --page N        which page (default 1)
  --per-page M    articles to a page (default ${LIST_PER_PAGE})
  --all           every article at once
  -h, --help      this text`,
    options: {
      ...JSON_OPTION,
      ...HELP,
      page: { type: "string" },
      "per-page": { type: "string" },
      all: { type: "boolean" },
    },
    argument: null,
  },
  speakers: {
    usage: `Usage: npm run corpus -- speakers [--json]

Every statement the speaker index holds, by article: ¶paragraph.sentence, speaker (role), cue.
For checking who the bot thinks said what.
  --json      the statements as JSON
  -h, --help  this text`,
    options: { ...JSON_OPTION, ...HELP },
    argument: null,
  },
  add: {
    usage: ADD_USAGE,
    options: {
      title: { type: "string" },
      publisher: { type: "string" },
      url: { type: "string" },
      published: { type: "string" },
      language: { type: "string" },
      id: { type: "string" },
      ...HELP,
    },
    argument: "<url|file|folder>",
  },
  remove: {
    usage: `Usage: npm run corpus -- remove <id>

Removes an added article (its id, from list), or a source with all its articles (its id,
from sources). A feed's article removed alone is not brought back by a refresh. Shipped
articles are removed by deleting their file in corpus/.
  -h, --help  this text`,
    options: { ...HELP },
    argument: "<id>",
  },
  refresh: {
    usage: `Usage: npm run corpus -- refresh

Reads corpus/ and every source again, and says what is new, changed and removed.
  -h, --help  this text`,
    options: { ...HELP },
    argument: null,
  },
  sources: {
    usage: `Usage: npm run corpus -- sources [--json]

The pages, feeds and files a refresh reads, with who added them and the last error.
  --json      the sources as JSON
  -h, --help  this text`,
    options: { ...JSON_OPTION, ...HELP },
    argument: null,
  },
  log: {
    usage: `Usage: npm run corpus -- log [--json] [--limit N]

Who changed the corpus and what, newest first.
  --limit N   how many entries (default 20)
  --json      the entries as JSON
  -h, --help  this text`,
    options: { ...JSON_OPTION, limit: { type: "string" }, ...HELP },
    argument: null,
  },
  "migrate-store": {
    usage: `Usage: npm run corpus -- migrate-store

Copies the store in DATA_DIR (added articles, sources, the log, feedback votes) into the
PostgreSQL database DATABASE_URL names, creating its tables first. What the database
already has is kept, so running it again copies nothing twice. Running bots on the
database reload the corpus when it is done. See docs/postgres.md.
  -h, --help  this text`,
    options: { ...HELP },
    argument: null,
  },
};
