import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { measureHtml } from "../../src/ingest/measure-html.ts";
import { fixture } from "../helpers/news-site.ts";

interface El {
  children: Iterable<El>;
}

/** Depth and element count of what linkedom really builds. */
function built(html: string): { depth: number; elements: number } {
  const { document } = parseHTML(html);
  const walk = (el: El, level: number): { depth: number; elements: number } => {
    let depth = level;
    let elements = 1;
    for (const child of el.children) {
      const below = walk(child, level + 1);
      depth = Math.max(depth, below.depth);
      elements += below.elements;
    }
    return { depth, elements };
  };
  const roots = [...(document as unknown as { children: Iterable<El> }).children];
  return roots
    .map((el) => walk(el, 1))
    .reduce((a, b) => ({ depth: Math.max(a.depth, b.depth), elements: a.elements + b.elements }), {
      depth: 0,
      elements: 0,
    });
}

describe("measureHtml", () => {
  it("measures real pages as linkedom builds them", () => {
    for (const name of ["talks-stall.html", "envoy-visit.html", "item-three.html"]) {
      const html = fixture(name);
      expect(measureHtml(html), name).toEqual(built(html));
    }
  });

  it("follows the parser: void elements, implied closes, svg, comments, scripts, quoted '>'", () => {
    for (const html of [
      `<body>${"<p>unclosed paragraph".repeat(50)}</body>`,
      `<ul>${"<li>unclosed item".repeat(50)}</ul>`,
      `<table>${"<tr><td>a<td>b".repeat(20)}</table>`,
      "<p>a<br><img src=x><hr><input></p>",
      "<svg><path/><path/><g><rect/></g></svg>",
      "<script>var s = '<div><div><div>';</script><style>a>b{}</style><div></div>",
      "<!-- <div><div> --><!DOCTYPE html><div title='a>b' data-x=\"<div>\"><div></div></div>",
      "</div></span><div>stray closes</div>",
    ]) {
      expect(measureHtml(html), html).toEqual(built(html));
    }
  });

  it("counts nested divs as deep as they go and stops at the limit", () => {
    const nested = (n: number) => `${"<div>".repeat(n)}x${"</div>".repeat(n)}`;
    expect(measureHtml(nested(1000))).toEqual({ depth: 1000, elements: 1000 });
    expect(measureHtml(nested(8000), { depth: 500, elements: 100_000 }).depth).toBe(501);
  });

  it("counts unclosed elements the parser nests, never fewer", () => {
    const html = "<b>bold ".repeat(300);
    expect(measureHtml(html).depth).toBeGreaterThanOrEqual(built(html).depth);
  });
});
