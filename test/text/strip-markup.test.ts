import { describe, expect, it } from "vitest";
import { stripMarkup } from "../../src/text/strip-markup.ts";

describe("stripMarkup: HTML", () => {
  it.each([
    ["<b>What did Lavrov say?</b>", "What did Lavrov say?"],
    ["<p>What did <i>Ushakov</i> say?</p>", "What did Ushakov say?"],
    ['<a href="https://example.org/x?a=1&b=2">Lavrov</a> quotes', "Lavrov quotes"],
    ["What did<br>Putin say?", "What did Putin say?"],
    ["What did<br/>Putin say?", "What did Putin say?"],
    ["Lav<b>rov</b>'s words", "Lavrov's words"],
    ["<DIV CLASS='q'>Syrskyi</DIV>", "Syrskyi"],
    ["<!-- hidden --> What did Peskov say?", "What did Peskov say?"],
    ["<script>alert('x')</script>What did Lavrov say?", "What did Lavrov say?"],
    ["<style>b { color: red }</style>Lavrov", "Lavrov"],
  ])("%s → %s", (input, expected) => {
    expect(stripMarkup(input)).toBe(expected);
  });

  it("decodes entities, after the tags, so an escaped tag stays as its characters", () => {
    expect(stripMarkup("Rock &amp; roll &quot;talks&quot; &#39;now&#x27;")).toBe(
      `Rock & roll "talks" 'now'`,
    );
    expect(stripMarkup("Kyiv&nbsp;&mdash;&nbsp;Moscow")).toBe("Kyiv — Moscow");
    expect(stripMarkup("&lt;b&gt;literal&lt;/b&gt;")).toBe("<b>literal</b>");
  });

  it("keeps what only looks like markup", () => {
    for (const text of [
      "Is a < b when c > d?",
      "if x<y and z>w",
      "AT&T and R&D; &unknown; &#xD800;",
      "what about <@1600000000000000002> and <https://example.org>?",
      "Putin’s “special” 'operation' — what did he say?",
    ]) {
      expect(stripMarkup(text)).toBe(text);
    }
  });
});

describe("stripMarkup: Markdown", () => {
  it.each([
    ["**What did Lavrov say?**", "What did Lavrov say?"],
    ["What did *Ushakov* say?", "What did Ushakov say?"],
    ["What did __Putin__ say about _Kursk_?", "What did Putin say about Kursk?"],
    ["***Zelensky*** and ~~Biden~~", "Zelensky and Biden"],
    ["**_nested_ emphasis**", "nested emphasis"],
    ["What did `Lavrov` say?", "What did Lavrov say?"],
    ["``code with ` tick``", "code with ` tick"],
    ["What did [Lavrov](https://example.org/lavrov) say?", "What did Lavrov say?"],
    ["[Peskov](https://en.wikipedia.org/wiki/Peskov_(press)) quotes", "Peskov quotes"],
    ["![a photo of Putin](https://example.org/p.jpg)", "a photo of Putin"],
    ["# What did Lavrov say?", "What did Lavrov say?"],
    ["### Lavrov ###", "Lavrov"],
    ["> What did Lavrov say?", "What did Lavrov say?"],
    ["> > nested quote", "nested quote"],
    ["```\nWhat did Lavrov say?\n```", "What did Lavrov say?"],
  ])("%s → %s", (input, expected) => {
    expect(stripMarkup(input)).toBe(expected);
  });

  it("keeps asterisks and underscores that are not emphasis", () => {
    for (const text of [
      "Is 5*3 more than 14?",
      "What about 5*3*2?",
      "the snake_case_name field",
      "a * b and c * d",
      "#hashtag in a question",
      "What does \\*this\\* mean?",
      "Quote: it's “fine”, he said.",
    ]) {
      expect(stripMarkup(text)).toBe(text);
    }
  });

  it("collapses the spaces a removed tag leaves and drops empty lines", () => {
    expect(stripMarkup("  <p>  What   did</p>\n\n<p>Lavrov say?</p>  ")).toBe(
      "What did\nLavrov say?",
    );
    expect(stripMarkup("<b></b> ** **")).toBe("** **");
    expect(stripMarkup("<b></b>")).toBe("");
  });
});
