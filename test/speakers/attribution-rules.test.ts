import { describe, expect, it } from "vitest";
import { attributeSpeakers } from "../../src/speakers/attribute-speakers.ts";
import { splitSentences } from "../../src/text/split-sentences.ts";

/** Attribution of invented paragraphs, as "¶n name (cue)" strings and speakers by name. */
function attribute(paragraphs: string[]) {
  const result = attributeSpeakers(paragraphs, paragraphs.map(splitSentences));
  const byKey = new Map(result.speakers.map((s) => [s.key, s]));
  return {
    ...result,
    said: result.statements.map((s) => `¶${s.paragraph} ${byKey.get(s.speakerKey)?.name}`),
    cues: result.statements.map(
      (s) => `¶${s.paragraph} ${byKey.get(s.speakerKey)?.name} (${s.cue})`,
    ),
    speaker: (name: string) => result.speakers.find((s) => s.name === name),
    names: () => result.speakers.map((s) => s.name),
  };
}

describe("names and titles", () => {
  it("keeps a title out of the name and records it as the role", () => {
    const r = attribute([
      '"We will keep the lights on," Chief Executive Marit Olsen said on Friday.',
      "Borealis Power Chief Financial Officer Jorge Almeida said costs would fall.",
    ]);
    expect(r.said).toEqual(["¶1 Marit Olsen", "¶2 Jorge Almeida"]);
    expect(r.speaker("Marit Olsen")?.roles).toEqual(["Chief Executive"]);
    expect(r.speaker("Jorge Almeida")?.roles).toEqual(["Borealis Power Chief Financial Officer"]);
  });

  it("ends an appositive left unclosed at its reporting verb, not inside a relative clause", () => {
    const r = attribute([
      '"The fares will rise," Lena Ortiz, the chief executive of Norvik Power said in an interview.',
      '"We will appeal," Tomas Berg, head of appeals at the Harbour Court said on Monday.',
      "It is a long way from Ivo Rask, the former mayor who wrote in May that talks were over.",
    ]);
    expect(r.speaker("Lena Ortiz")?.roles).toEqual(["chief executive of Norvik Power"]);
    // "appeals" after "of" is a noun, not the report.
    expect(r.speaker("Tomas Berg")?.roles).toEqual(["head of appeals at the Harbour Court"]);
    expect(r.speaker("Ivo Rask")?.roles ?? []).not.toContain("former mayor who");
  });

  it("takes a job before a name as a title: Moderator, Commissioner, Student", () => {
    const r = attribute([
      "Moderator Dalia Quist opened the evening. Fire Commissioner Owen Marsh said crews were ready.",
      "Student Ravi Kapoor, 19, said the fares were too high.",
    ]);
    expect(r.said).toEqual(["¶1 Owen Marsh", "¶2 Ravi Kapoor"]);
    expect(r.speaker("Ravi Kapoor")?.roles).toEqual(["Student"]);
    expect(r.names()).not.toContain("Moderator Dalia Quist");
  });

  it("keeps a lower-case qualifier of a role: state mediator, city auditor", () => {
    const r = attribute([
      "Talks resumed after state mediator Yusuf Demir said both sides had moved.",
    ]);
    expect(r.speaker("Yusuf Demir")?.roles).toEqual(["state mediator"]);
  });

  it("does not take places, institutions or sentence openers for speakers", () => {
    const r = attribute([
      "Flooding hit Brightwater Bay on Monday, officials said.",
      "Doctors at Marlow Regional Hospital said the ward was full.",
      "Critics say the plan came too late.",
    ]);
    expect(r.names()).not.toContain("Brightwater Bay");
    expect(r.names()).not.toContain("Marlow Regional Hospital");
    expect(r.names()).not.toContain("Critics");
  });

  it("resolves a hyphenated surname used alone", () => {
    const r = attribute([
      "Councillor Ana Torres-Blanco led the opposition.",
      "Torres-Blanco said the budget was wrong.",
    ]);
    expect(r.said).toEqual(["¶2 Ana Torres-Blanco"]);
  });
});

describe("subjects", () => {
  it("takes the name next to the verb, not one inside an aside", () => {
    const r = attribute([
      "Lena Moritz, a fund manager at Kestrel Capital, which owns shares in the firm, said she would hold them.",
    ]);
    expect(r.said).toEqual(["¶1 Lena Moritz"]);
    expect(r.speaker("Lena Moritz")?.roles).toEqual(["fund manager at Kestrel Capital"]);
  });

  it("lets organisations speak, by name or by the noun that heads them", () => {
    const r = attribute([
      "Arvelia's Interior Ministry said in a statement that the border was calm.",
      "The ministry also said three crossings would reopen.",
      "The Dockers' Union said its members would vote on Friday.",
    ]);
    expect(r.said).toEqual([
      "¶1 Arvelia's Interior Ministry",
      "¶2 Arvelia's Interior Ministry",
      "¶3 Dockers' Union",
    ]);
    expect(r.cues[0]).toBe("¶1 Arvelia's Interior Ministry (statement)");
  });

  it("names an organisation described but not named after its description", () => {
    const r = attribute(["The regional water utility said supplies were safe."]);
    expect(r.speaker("Regional water utility")?.kind).toBe("organization");
  });

  it("attributes a spokesperson's words to whom they speak for", () => {
    const r = attribute([
      "Mayor Petra Lind has faced calls to resign.",
      "A spokeswoman for the mayor said Lind would not step down.",
    ]);
    expect(r.cues).toContain("¶2 Petra Lind (spokesperson)");
  });

  it("reads reported speech without quotation marks", () => {
    const r = attribute(["Finance Minister Tarek Aziz said the talks would resume in June."]);
    expect(r.said).toEqual(["¶1 Tarek Aziz"]);
  });

  it("does not count questions put to someone, or the article's own questions", () => {
    const r = attribute([
      "The Daily Sentinel asked Mayor Petra Lind about the budget. What did she say about taxes?",
    ]);
    expect(r.said).toEqual([]);
  });
});

describe("organisations by what the article calls them", () => {
  it("finds 'the utility' from an appositive, and 'the club' from FC in the name", () => {
    const r = attribute([
      "Nordlys Kraft, the northern electricity utility, posted a loss on Monday.",
      "Profit fell 9%, the utility said.",
      "FC Varnholm have signed a goalkeeper, the club announced on Monday.",
    ]);
    expect(r.said).toEqual(["¶2 Nordlys Kraft", "¶3 FC Varnholm"]);
    expect(r.speaker("Nordlys Kraft")?.kind).toBe("organization");
  });

  it("reads 'it said' as the organisation just named", () => {
    const r = attribute([
      "The Coastal Shipping Authority closed the port. It said the storm would pass by Friday.",
    ]);
    expect(r.cues).toEqual(["¶1 Coastal Shipping Authority (pronoun)"]);
  });

  it("lets an institution speak through its officials, and a possessor's body", () => {
    const r = attribute([
      "On Monday, Drevanian officials said the border would stay shut.",
      "Drevania's navy says two boats were stopped.",
      "The authorities in Marsk say 4,000 people have left.",
    ]);
    expect(r.said).toEqual([
      "¶1 Drevanian officials",
      "¶2 Drevania's navy",
      "¶3 Authorities in Marsk",
    ]);
    expect(r.speakers.every((s) => s.kind === "organization")).toBe(true);
  });

  it("does not take a sentence-initial common noun for an institution", () => {
    const r = attribute(["Health officials say the vaccine is safe."]);
    expect(r.said).toEqual([]);
  });
});

describe("cues", () => {
  it("gives a sentence to the inverted report that closes it", () => {
    const r = attribute(["The activist criticised the fuel plan, sources said on Friday."]);
    expect(r.statements.map((x) => r.speakers.find((y) => y.key === x.speakerKey)?.kind)).toEqual([
      "unnamed",
    ]);
  });

  it("knows a company by its name's last word, and stops a name at a title", () => {
    const r = attribute([
      "Brevik Shipping said freight rates would rise.",
      "Energy Minister Anna Berg said prices would fall.",
    ]);
    expect(r.said).toEqual(["¶1 Brevik Shipping", "¶2 Anna Berg"]);
    expect(r.speaker("Brevik Shipping")?.kind).toBe("organization");
    expect(r.speaker("Anna Berg")?.roles).toEqual(["Energy Minister"]);
  });

  it("tries the next reporting verb when the first has no subject", () => {
    const r = attribute([
      "The figure was never announced — and nothing came of the plan that his deputy, Ivo Marek, mocked in May.",
    ]);
    expect(r.said).toEqual(["¶1 Ivo Marek"]);
  });

  it("does not count 'agreed to', 'said nothing', 'neither ... nor' or 'was asked' as a report", () => {
    const r = attribute([
      "Governor Alma Reyes agreed to pay the bill. Reyes said nothing about the cost.",
      "Reyes was asked about the delay.",
      "Neither the Treasury nor the Central Bank has disclosed the figure.",
    ]);
    expect(r.said).toEqual([]);
  });
});

describe("anonymous sources", () => {
  it("keeps them unnamed, before or after the verb, and when referred back to", () => {
    const r = attribute([
      "A senior defence official, who spoke on condition of anonymity, said Colonel Iris Vale had resigned.",
      '"The unit was never ready," said a second official briefed on the inquiry.',
      '"It will get worse," the defence official said.',
      "Two engineers familiar with the project said the tunnel was late.",
    ]);
    const kinds = r.statements.map((s) => r.speakers.find((x) => x.key === s.speakerKey)?.kind);
    expect(kinds).toEqual(["unnamed", "unnamed", "unnamed", "unnamed"]);
    expect(r.names()).not.toContain("Iris Vale");
  });
});

describe("pronouns", () => {
  it("follows the gender the article gives each person", () => {
    const r = attribute([
      "Interior Minister Sara Holt met union leader Tom Brandt on Monday. Mr. Brandt said his members were angry.",
      '"We have listened," she said.',
    ]);
    expect(r.cues).toContain("¶2 Sara Holt (pronoun)");
  });
});

describe("pronouns and objects", () => {
  it("gives 'he said' to the last speaker of the paragraph, not a name in passing", () => {
    const r = attribute([
      "Premier Otto Lang spoke on Monday.",
      'Jan Pilar, an adviser to Lang, said the army would stay. "We are not leaving," he said.',
    ]);
    expect(r.said).toEqual(["¶2 Jan Pilar", "¶2 Jan Pilar"]);
  });

  it("knows a spokeswoman is a 'she' even without pronouns", () => {
    const r = attribute([
      'Minister Karl Brun was asked about the strike, as the party spokeswoman, Lina Holm, put it. "We will not strike," he said.',
    ]);
    expect(r.cues).toContain("¶1 Karl Brun (pronoun)");
  });

  it("does not take whom someone told for the speaker", () => {
    const r = attribute(["The general told Otto Lang that the bridge had fallen."]);
    expect(r.said).toEqual([]);
  });

  it("reads 'its ministry' only as an organisation named just before", () => {
    const r = attribute([
      "Arvelia's Foreign Ministry protested on Monday.",
      "Trade resumed. Ports reopened. Ships sailed.",
      "Drevania has not commented. Its foreign ministry said it would reply.",
    ]);
    expect(r.said).toEqual([]);
  });
});

describe("layouts", () => {
  it("gives Q&A answers to the interviewee and questions to no one", () => {
    const r = attribute([
      "Harbour chief Ingrid Lunde spoke to The Coastal Times about the new locks.",
      "The Coastal Times: Will the locks open on time?",
      "Lunde: Yes. The gates are installed and the testing is done.",
      "The Coastal Times: And the cost?",
      "Lunde: Within budget, for once.",
    ]);
    expect(r.cues).toEqual([
      "¶3 Ingrid Lunde (Q&A answer)",
      "¶3 Ingrid Lunde (Q&A answer)",
      "¶5 Ingrid Lunde (Q&A answer)",
    ]);
  });

  it("gives 'Q: ... A: ...' answers to the person introduced before them", () => {
    const r = attribute([
      "We asked readers' questions to Dr. Mirela Pop, the city's chief vet.",
      "Q: Is my dog at risk? A: Only if it swims in the lake.",
      "Q: What should I do? A: Keep it on a lead near the water.",
    ]);
    expect(r.said.filter((s) => s.endsWith("Mirela Pop")).length).toBeGreaterThanOrEqual(2);
    expect(new Set(r.said.map((s) => s.split(" ")[0]))).toEqual(new Set(["¶2", "¶3"]));
  });

  it("continues a quote that runs over two paragraphs", () => {
    const r = attribute([
      '"We will rebuild the bridge," said engineer Kofi Mensah. "It will take two years.',
      '"And it will be stronger than before." The council meets on Monday.',
    ]);
    expect(r.cues).toContain("¶2 Kofi Mensah (continued quote)");
    expect(r.said.filter((s) => s.startsWith("¶2"))).toHaveLength(1);
  });

  it("splits a sentence that reports two speakers, one span each", () => {
    const r = attribute([
      "Defence Minister Lia Novak said the drills would go ahead, while opposition leader Piet Aalders told reporters they were a provocation.",
    ]);
    expect(r.said).toEqual(["¶1 Lia Novak", "¶1 Piet Aalders"]);
    expect(r.sentences[0]).toHaveLength(2);
  });

  it("lets a debate report alternate between two speakers", () => {
    const r = attribute([
      "Mayor Hanna Berg and her challenger, Olav Dahl, clashed over housing.",
      'Dahl said rents had doubled. "You did nothing," he said.',
      'Berg said she had built 4,000 homes. "Read the figures," she said.',
    ]);
    expect(r.said).toEqual(["¶2 Olav Dahl", "¶2 Olav Dahl", "¶3 Hanna Berg", "¶3 Hanna Berg"]);
  });
});
