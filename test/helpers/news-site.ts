import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "news-site");
const FIFTY_MB = 50 * 1024 * 1024;

export interface Route {
  status?: number;
  type?: string;
  body?: string;
  headers?: Record<string, string>;
  /** The answer waits for this: a page that is slow exactly as long as a test wants. */
  gate?: Promise<void>;
}

/** A fake news site on 127.0.0.1 (random port): article pages, feeds and the hostile cases. */
export interface NewsSite {
  origin: string;
  port: number;
  url(path: string): string;
  /** How many requests each path received. */
  hits(path: string): number;
  /** Replaces (or adds) what a path serves: a page that changes, or one that is gone. */
  set(path: string, route: Route): void;
  /** The 50 MB page: how much was written before the client hung up, and whether it all went. */
  big: { bytesSent: number; finished: boolean };
  close(): Promise<void>;
}

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** The version of the changing page: v2 edits its second paragraph and adds a fourth. */
export function changingPage(version: 1 | 2): string {
  const second =
    version === 1
      ? "<p>“The reserve is enough for ten days,” said Serhii Koretskyi, the head of Naftogaz.</p>"
      : "<p>“The reserve is now enough for fourteen days,” said Serhii Koretskyi, the head of Naftogaz.</p>";
  const fourth =
    version === 2
      ? "<p>Koretskyi added that a second tranche of imported gas would arrive from Poland in October, after the pipeline maintenance.</p>"
      : "";
  return `<!DOCTYPE html><html lang="en"><head><title>Gas storage update</title>
<meta property="og:site_name" content="Energy Wire"><meta property="article:published_time" content="2024-10-0${version}T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Gas storage update</h1>
<p>Ukraine's underground gas storage reached its target for the heating season on Tuesday, the state energy company said in a statement released in the morning.</p>
${second}
<p>The company said it would publish weekly figures through the winter so that households and industry could plan their use.</p>
${fourth}
</article><footer>Energy Wire</footer></body></html>`;
}

export async function startNewsSite(): Promise<NewsSite> {
  const routes = new Map<string, Route>();
  const counts = new Map<string, number>();
  const big = { bytesSent: 0, finished: false };
  let origin = "";
  const html = (body: string): Route => ({ type: "text/html; charset=utf-8", body });
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (path === "/big") return sendBig(res, big);
    if (path === "/stall") {
      // Headers, a little of the body, then nothing: only a deadline ends this.
      res.writeHead(200, { "content-type": "text/html" });
      res.write("<html><body><p>Loading");
      return;
    }
    if (path === "/stall-headers") return; // never answers at all
    if (path === "/gzip") {
      const body = gzipSync(fixture("talks-stall.html").replaceAll("{{origin}}", origin));
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-encoding": "gzip",
      });
      res.end(body);
      return;
    }
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html><body><h1>Not found</h1></body></html>");
      return;
    }
    if (route.gate) {
      const gate = route.gate;
      delete route.gate;
      gate.then(() => serve(res, route));
      return;
    }
    serve(res, route);
  });
  const serve = (res: ServerResponse, route: Route) => {
    const body = (route.body ?? "").replaceAll("{{origin}}", origin);
    res.writeHead(route.status ?? 200, {
      ...(route.type ? { "content-type": route.type } : {}),
      ...route.headers,
    });
    res.end(body);
  };
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  routes.set("/news/talks-stall", html(fixture("talks-stall.html")));
  routes.set("/news/envoy-visit", html(fixture("envoy-visit.html")));
  routes.set("/news/item-three", html(fixture("item-three.html")));
  routes.set("/news/changing", html(changingPage(1)));
  routes.set("/feed.rss", { type: "application/rss+xml", body: rss() });
  routes.set("/feed.atom", { type: "application/atom+xml", body: atom() });
  routes.set("/feed-as-html", { type: "text/html", body: rss() });
  routes.set("/report.pdf", { type: "application/pdf", body: "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj" });
  routes.set("/photo.jpg", { type: "image/jpeg", body: "\u00ff\u00d8\u00ff" });
  routes.set(
    "/front",
    html("<html><body><nav><a href='/a'>A</a></nav><h1>Front page</h1></body></html>"),
  );
  routes.set("/big-declared", {
    type: "text/html",
    headers: { "content-length": String(FIFTY_MB) },
    body: "",
  });
  routes.set("/redirect/once", { status: 301, headers: { location: "/news/talks-stall" } });
  routes.set("/redirect/loop", { status: 302, headers: { location: "/redirect/loop" } });
  routes.set("/redirect/ftp", { status: 302, headers: { location: "ftp://127.0.0.1/file" } });

  return {
    origin,
    port,
    url: (path) => `${origin}${path}`,
    hits: (path) => counts.get(path) ?? 0,
    set: (path, route) => routes.set(path, route),
    big,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** 50 MB of article-looking HTML, written with back-pressure: only the client's cap stops it. */
function sendBig(res: ServerResponse, big: { bytesSent: number; finished: boolean }): void {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  const chunk = Buffer.from(
    `<p>${"Filler text of a page far too long to be an article. ".repeat(1170)}</p>\n`,
  );
  const write = () => {
    while (big.bytesSent < FIFTY_MB) {
      big.bytesSent += chunk.length;
      if (!res.write(chunk)) {
        res.once("drain", write);
        return;
      }
    }
    big.finished = true;
    res.end();
  };
  res.on("close", () => res.removeAllListeners("drain"));
  write();
}

function rss(): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>The Kyiv Ledger – World</title>
  <link>{{origin}}/</link>
  <description>World news</description>
  <item>
    <title>Grain corridor talks stall as Ankara presses both sides</title>
    <link>{{origin}}/news/talks-stall</link>
    <guid isPermaLink="false">ledger-1001</guid>
    <pubDate>Thu, 12 Sep 2024 05:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Envoy visit raises hopes of prisoner exchange</title>
    <link>{{origin}}/news/envoy-visit</link>
    <pubDate>Sat, 14 Sep 2024 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title><![CDATA[Power cuts to end by the <em>weekend</em>, grid operator says]]></title>
    <link>{{origin}}/news/item-three</link>
    <dc:date>2024-09-16T08:00:00Z</dc:date>
  </item>
  <item>
    <title>A story the site has since taken down</title>
    <link>{{origin}}/news/taken-down</link>
  </item>
</channel>
</rss>`;
}

function atom(): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Energy Wire</title>
  <id>urn:energy-wire</id>
  <updated>2024-10-02T09:00:00Z</updated>
  <link rel="self" href="{{origin}}/feed.atom"/>
  <entry>
    <title>Gas storage update</title>
    <id>urn:energy-wire:1</id>
    <link rel="alternate" type="text/html" href="/news/changing"/>
    <updated>2024-10-02T09:00:00Z</updated>
  </entry>
  <entry>
    <title type="html">Power cuts to end by the weekend</title>
    <id>urn:energy-wire:2</id>
    <link href="{{origin}}/news/item-three"/>
    <published>2024-09-16T08:00:00Z</published>
    <updated>2024-09-17T08:00:00Z</updated>
  </entry>
</feed>`;
}
