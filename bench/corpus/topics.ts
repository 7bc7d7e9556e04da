/**
 * News topics for the synthetic corpus. Each has its own nouns and adjectives so that
 * articles on one topic share words (BM25 then has real work to do) while the corpus as
 * a whole uses thousands of distinct words.
 */
export interface Topic {
  /** As a person would ask about it: "What did Kowalski say about energy?" */
  name: string;
  /** The ministry that speaks for it: "the Ministry of Energy". */
  ministry: string;
  nouns: readonly string[];
  adjectives: readonly string[];
}

// biome-ignore format: a word list reads best packed
export const TOPICS: readonly Topic[] = [
  {
    name: "energy",
    ministry: "Energy",
    nouns: [
      "pipeline", "refinery", "grid", "tariff", "reactor", "turbine", "coal", "gas", "oil",
      "electricity", "blackout", "subsidy", "fuel", "emissions", "utility", "substation",
      "wind farm", "solar panel", "storage", "barrel", "drilling", "concession", "transmission",
      "outage", "heating",
    ],
    adjectives: [
      "renewable", "nuclear", "offshore", "fossil", "volatile", "wholesale", "seasonal",
      "strategic", "domestic",
    ],
  },
  {
    name: "the election",
    ministry: "the Interior",
    nouns: [
      "ballot", "candidate", "turnout", "campaign", "poll", "constituency", "coalition",
      "referendum", "runoff", "recount", "electorate", "manifesto", "incumbent", "primary",
      "observer", "mandate", "district", "registration", "debate", "caucus", "majority",
      "opposition", "platform",
    ],
    adjectives: [
      "electoral", "partisan", "provisional", "contested", "landslide", "parliamentary",
      "municipal", "early",
    ],
  },
  {
    name: "trade",
    ministry: "Trade",
    nouns: [
      "tariff", "export", "import", "quota", "shipment", "customs", "embargo", "surplus", "deficit",
      "container", "port", "supply chain", "exporter", "duty", "agreement", "sanction", "freight",
      "commodity", "dumping", "safeguard", "tariff schedule", "cargo",
    ],
    adjectives: [
      "bilateral", "multilateral", "protectionist", "preferential", "punitive", "reciprocal",
      "transatlantic",
    ],
  },
  {
    name: "health",
    ministry: "Health",
    nouns: [
      "hospital", "vaccine", "outbreak", "clinic", "nurse", "patient", "surgeon", "pandemic",
      "infection", "ward", "pharmacy", "prescription", "epidemic", "screening", "diagnosis",
      "ambulance", "quarantine", "antibiotic", "virus", "waiting list", "immunisation", "insurer",
    ],
    adjectives: [
      "clinical", "infectious", "chronic", "surgical", "medical", "contagious", "preventive",
      "mental",
    ],
  },
  {
    name: "defence",
    ministry: "Defence",
    nouns: [
      "brigade", "artillery", "drone", "missile", "frontline", "battalion", "ceasefire",
      "offensive", "counteroffensive", "airspace", "garrison", "howitzer", "tank", "warship",
      "submarine", "conscription", "reservist", "munitions", "radar", "airstrike", "trench",
      "deployment", "convoy",
    ],
    adjectives: [
      "military", "tactical", "armoured", "naval", "strategic", "defensive", "hostile", "airborne",
    ],
  },
  {
    name: "the economy",
    ministry: "Finance",
    nouns: [
      "inflation", "interest rate", "recession", "growth", "budget", "deficit", "bond", "currency",
      "unemployment", "wage", "pension", "stimulus", "forecast", "treasury", "debt", "revenue",
      "spending", "austerity", "productivity", "consumer", "mortgage", "credit",
    ],
    adjectives: [
      "fiscal", "monetary", "sluggish", "robust", "inflationary", "structural", "quarterly",
      "annual",
    ],
  },
  {
    name: "climate",
    ministry: "the Environment",
    nouns: [
      "drought", "flood", "heatwave", "wildfire", "glacier", "carbon", "deforestation",
      "biodiversity", "coastline", "rainfall", "emissions target", "pollution", "reservoir",
      "wetland", "erosion", "species", "habitat", "temperature", "monsoon", "storm", "sea level",
    ],
    adjectives: [
      "environmental", "catastrophic", "arid", "coastal", "extreme", "sustainable", "toxic",
      "polluted",
    ],
  },
  {
    name: "education",
    ministry: "Education",
    nouns: [
      "school", "teacher", "curriculum", "pupil", "university", "tuition", "exam", "scholarship",
      "classroom", "literacy", "graduate", "lecturer", "campus", "enrolment", "textbook",
      "kindergarten", "apprenticeship", "dropout", "dormitory", "syllabus",
    ],
    adjectives: [
      "academic", "vocational", "secondary", "primary", "public", "private", "compulsory",
      "bilingual",
    ],
  },
  {
    name: "technology",
    ministry: "Digital Affairs",
    nouns: [
      "chip", "semiconductor", "software", "platform", "algorithm", "data centre", "startup",
      "broadband", "satellite", "encryption", "cyberattack", "hacker", "server", "smartphone",
      "network", "cloud", "app", "privacy", "patent", "robot", "processor", "outsourcing",
    ],
    adjectives: [
      "digital", "artificial", "encrypted", "automated", "wireless", "proprietary", "open-source",
      "mobile",
    ],
  },
  {
    name: "migration",
    ministry: "Migration",
    nouns: [
      "asylum", "refugee", "border", "visa", "deportation", "smuggler", "camp", "crossing",
      "residence permit", "citizenship", "integration", "migrant", "detention", "quota",
      "relocation", "passport", "checkpoint", "resettlement", "backlog",
    ],
    adjectives: [
      "undocumented", "humanitarian", "irregular", "temporary", "seasonal", "unaccompanied",
      "cross-border",
    ],
  },
  {
    name: "agriculture",
    ministry: "Agriculture",
    nouns: [
      "harvest", "wheat", "grain", "fertiliser", "farmer", "livestock", "dairy", "irrigation",
      "crop", "orchard", "cattle", "pesticide", "barley", "maize", "silo", "cooperative", "tractor",
      "vineyard", "fishery", "soil",
    ],
    adjectives: [
      "agricultural", "rural", "organic", "arable", "drought-hit", "bumper", "subsidised",
    ],
  },
  {
    name: "housing",
    ministry: "Housing",
    nouns: [
      "rent", "landlord", "tenant", "eviction", "mortgage", "apartment", "construction",
      "developer", "homelessness", "zoning", "council estate", "property", "building permit",
      "renovation", "shelter", "neighbourhood", "housing stock", "deposit",
    ],
    adjectives: [
      "affordable", "social", "overcrowded", "vacant", "residential", "derelict", "prefabricated",
    ],
  },
  {
    name: "transport",
    ministry: "Transport",
    nouns: [
      "railway", "motorway", "airport", "runway", "ferry", "tram", "bus", "train", "timetable",
      "fare", "strike", "bridge", "tunnel", "congestion", "carriage", "locomotive", "logistics",
      "harbour", "toll", "bypass", "terminal",
    ],
    adjectives: [
      "high-speed", "suburban", "intercity", "congested", "electrified", "delayed", "cancelled",
    ],
  },
  {
    name: "justice",
    ministry: "Justice",
    nouns: [
      "court", "judge", "verdict", "trial", "prosecutor", "appeal", "sentence", "indictment",
      "lawyer", "testimony", "witness", "jury", "acquittal", "bail", "prison", "inmate", "warrant",
      "corruption", "bribery", "extradition", "tribunal", "ruling",
    ],
    adjectives: [
      "judicial", "criminal", "constitutional", "appellate", "unlawful", "landmark", "pretrial",
    ],
  },
  {
    name: "diplomacy",
    ministry: "Foreign Affairs",
    nouns: [
      "summit", "envoy", "embassy", "treaty", "negotiation", "delegation", "ambassador",
      "communique", "memorandum", "mediation", "alliance", "consulate", "accord", "talks",
      "peace plan", "guarantee", "protocol", "visit", "demarche",
    ],
    adjectives: [
      "diplomatic", "bilateral", "multilateral", "confidential", "informal", "trilateral",
      "high-level",
    ],
  },
  {
    name: "labour",
    ministry: "Labour",
    nouns: [
      "union", "strike", "walkout", "minimum wage", "overtime", "layoff", "pay rise", "contract",
      "shift", "pension", "workforce", "employer", "picket", "redundancy", "bargaining",
      "apprentice", "absenteeism", "vacancy", "payroll",
    ],
    adjectives: [
      "collective", "industrial", "part-time", "seasonal", "skilled", "unskilled", "unionised",
    ],
  },
  {
    name: "finance",
    ministry: "Finance",
    nouns: [
      "bank", "lender", "deposit", "loan", "stock", "shareholder", "dividend", "merger",
      "acquisition", "regulator", "audit", "bailout", "liquidity", "capital", "exchange", "broker",
      "hedge fund", "bond yield", "insolvency", "fraud",
    ],
    adjectives: [
      "financial", "speculative", "solvent", "listed", "systemic", "leveraged", "offshore",
    ],
  },
  {
    name: "culture",
    ministry: "Culture",
    nouns: [
      "museum", "festival", "theatre", "exhibition", "orchestra", "gallery", "novel", "film",
      "heritage", "monument", "archive", "library", "artist", "sculpture", "concert", "premiere",
      "manuscript", "opera", "restoration",
    ],
    adjectives: [
      "cultural", "artistic", "historic", "contemporary", "classical", "independent", "literary",
    ],
  },
  {
    name: "sport",
    ministry: "Sport",
    nouns: [
      "stadium", "championship", "tournament", "coach", "athlete", "league", "medal", "doping",
      "transfer", "referee", "squad", "federation", "qualifier", "marathon", "olympics", "sponsor",
      "fixture", "penalty",
    ],
    adjectives: [
      "olympic", "professional", "amateur", "national", "unbeaten", "injured", "qualifying",
    ],
  },
  {
    name: "water",
    ministry: "Water Resources",
    nouns: [
      "dam", "aquifer", "canal", "desalination", "sewage", "pipeline", "river basin",
      "water supply", "leakage", "rationing", "treatment plant", "well", "catchment",
      "contamination", "hydropower", "watershed",
    ],
    adjectives: [
      "potable", "contaminated", "transboundary", "depleted", "hydroelectric", "brackish",
    ],
  },
  {
    name: "mining",
    ministry: "Mines",
    nouns: [
      "copper", "lithium", "cobalt", "nickel", "gold", "quarry", "smelter", "ore", "concession",
      "royalty", "tailings", "excavation", "mineral", "shaft", "exploration licence", "deposit",
      "rare earths", "bauxite",
    ],
    adjectives: ["extractive", "open-pit", "artisanal", "critical", "untapped", "industrial"],
  },
  {
    name: "space",
    ministry: "Science",
    nouns: [
      "launch", "rocket", "orbit", "astronaut", "probe", "spacecraft", "telescope", "lunar lander",
      "launch pad", "payload", "mission", "space station", "booster", "observatory", "capsule",
    ],
    adjectives: ["orbital", "lunar", "interplanetary", "reusable", "crewed", "scientific"],
  },
  {
    name: "media",
    ministry: "Information",
    nouns: [
      "newspaper", "broadcaster", "journalist", "censorship", "editor", "disinformation", "licence",
      "press freedom", "propaganda", "correspondent", "blogger", "outlet", "headline", "leak",
      "whistleblower", "subscription",
    ],
    adjectives: ["independent", "state-run", "editorial", "investigative", "anonymous", "partisan"],
  },
  {
    name: "tourism",
    ministry: "Tourism",
    nouns: [
      "hotel", "resort", "visitor", "cruise", "booking", "beach", "tour operator", "hostel",
      "airline", "season", "guesthouse", "attraction", "souvenir", "occupancy", "itinerary",
    ],
    adjectives: ["seasonal", "coastal", "crowded", "luxury", "budget", "overseas"],
  },
  {
    name: "policing",
    ministry: "Public Security",
    nouns: [
      "police", "officer", "arrest", "raid", "patrol", "detective", "protest", "riot", "curfew",
      "gang", "checkpoint", "surveillance", "robbery", "homicide", "investigation", "suspect",
      "hostage", "smuggling",
    ],
    adjectives: ["armed", "violent", "undercover", "peaceful", "organised", "suspected"],
  },
];

/** Words that fit any topic: the connective tissue of news prose. */
// biome-ignore format: a word list reads best packed
export const GENERAL_NOUNS: readonly string[] = [
  "government", "parliament", "minister", "official", "plan", "proposal", "decision", "report",
  "statement", "committee", "agency", "council", "region", "province", "capital", "country",
  "crisis", "reform", "policy", "law", "bill", "vote", "measure", "deal", "fund", "programme",
  "investment", "project", "review", "inquiry", "deadline", "timetable", "estimate", "figure",
  "document", "letter", "warning", "pressure", "concern", "risk", "cost", "price", "shortage",
  "demand", "supply", "process", "framework", "strategy", "priority", "commitment", "promise",
  "criticism", "response", "dispute", "conflict", "settlement", "compromise", "negotiator",
  "partner", "neighbour", "resident", "citizen", "voter", "taxpayer", "business", "industry",
  "sector", "market", "company", "firm", "factory", "worker", "family", "community", "village",
  "town", "city", "authority", "administration", "cabinet", "spokesperson", "adviser", "expert",
  "analyst", "researcher", "survey", "study", "data", "evidence", "record", "history", "future",
  "week", "month", "year", "decade", "morning", "evening", "weekend", "spring", "summer", "autumn",
  "winter", "percent", "million", "billion", "thousand", "share", "rate", "level", "target",
  "limit", "increase", "decline", "rise", "fall", "drop", "surge", "jump", "gap", "balance",
  "threat", "danger", "opportunity", "challenge", "problem", "solution", "question", "answer",
  "issue", "matter", "case", "situation", "position", "stance", "view", "interest", "support",
  "opposition", "protest", "campaign", "movement", "group", "organisation", "institution",
  "network", "system", "infrastructure", "service", "sector", "resource", "asset", "revenue",
  "loss", "profit", "growth", "recovery", "damage", "impact", "effect", "consequence", "outcome",
  "result", "progress", "delay", "setback", "breakthrough", "milestone", "scandal", "resignation",
  "appointment", "successor", "rival", "ally", "critic", "supporter",
];

// biome-ignore format: a word list reads best packed
export const GENERAL_ADJECTIVES: readonly string[] = [
  "new", "major", "key", "significant", "serious", "growing", "rising", "falling", "sharp",
  "modest", "steady", "gradual", "sudden", "unexpected", "controversial", "ambitious", "cautious",
  "urgent", "critical", "crucial", "long-term", "short-term", "previous", "current", "former",
  "future", "local", "regional", "national", "international", "global", "foreign", "domestic",
  "public", "private", "official", "unofficial", "independent", "joint", "formal", "temporary",
  "permanent", "limited", "broad", "narrow", "wide", "deep", "heavy", "light", "strong", "weak",
  "stable", "fragile", "uncertain", "clear", "unclear", "difficult", "complex", "simple", "costly",
  "cheap", "expensive", "efficient", "fair", "unfair", "legal", "illegal", "secret", "transparent",
  "detailed", "preliminary", "final", "initial", "additional", "separate", "similar", "different",
  "recent", "latest", "early", "late", "annual", "monthly", "weekly", "unprecedented", "historic",
  "decisive", "tough", "bold", "vague", "realistic", "unrealistic", "premature", "overdue",
  "widespread", "isolated",
];

/** [base, past]; the third person is derived. Chosen so first-person quotes read naturally. */
// biome-ignore format: a word list reads best packed
export const VERBS: readonly (readonly [string, string])[] = [
  ["support", "supported"], ["reject", "rejected"], ["approve", "approved"], ["block", "blocked"],
  ["delay", "delayed"], ["review", "reviewed"], ["expand", "expanded"], ["reduce", "reduced"],
  ["protect", "protected"], ["defend", "defended"], ["finance", "financed"],
  ["restore", "restored"], ["suspend", "suspended"], ["extend", "extended"],
  ["cancel", "cancelled"], ["announce", "announced"], ["propose", "proposed"],
  ["examine", "examined"], ["investigate", "investigated"], ["strengthen", "strengthened"],
  ["weaken", "weakened"], ["undermine", "undermined"], ["improve", "improved"],
  ["modernise", "modernised"], ["abandon", "abandoned"], ["accept", "accepted"],
  ["challenge", "challenged"], ["condemn", "condemned"], ["welcome", "welcomed"],
  ["criticise", "criticised"], ["question", "questioned"], ["guarantee", "guaranteed"],
  ["secure", "secured"], ["negotiate", "negotiated"], ["sign", "signed"], ["ratify", "ratified"],
  ["implement", "implemented"], ["monitor", "monitored"], ["fund", "funded"], ["cut", "cut"],
  ["raise", "raised"], ["lower", "lowered"], ["freeze", "froze"], ["build", "built"],
  ["close", "closed"], ["open", "opened"], ["replace", "replaced"], ["reform", "reformed"],
  ["overhaul", "overhauled"], ["prioritise", "prioritised"], ["address", "addressed"],
  ["resolve", "resolved"], ["postpone", "postponed"], ["accelerate", "accelerated"],
  ["endorse", "endorsed"], ["oppose", "opposed"], ["revise", "revised"], ["scrap", "scrapped"],
  ["tighten", "tightened"], ["ease", "eased"],
];

/** Verbs of saying, for reported speech ("Kowalski warned that ..."). */
// biome-ignore format: a word list reads best packed
export const SPEECH_VERBS: readonly string[] = [
  "said", "told reporters", "warned", "argued", "insisted", "stressed", "noted", "added",
  "acknowledged", "claimed", "conceded", "explained", "suggested", "announced", "declared",
  "predicted", "cautioned", "maintained", "emphasised", "wrote",
];

// biome-ignore format: a word list reads best packed
export const ADVERBS: readonly string[] = [
  "clearly", "simply", "deeply", "entirely", "largely", "partly", "increasingly", "already",
  "still", "never", "always", "certainly", "probably", "hardly", "fully", "quickly", "slowly",
  "carefully", "openly", "firmly",
];

// biome-ignore format: a word list reads best packed
export const PREPOSITIONS: readonly string[] = [
  "in", "across", "throughout", "near", "around", "outside", "beyond", "within", "along", "towards",
];

// biome-ignore format: a word list reads best packed
export const MONTHS: readonly string[] = [
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
];

// biome-ignore format: a word list reads best packed
export const WEEKDAYS: readonly string[] = [
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/**
 * The long tail: words any story may use once in a while. Picked with a Zipf bias, so a
 * few are common and most are rare, as in real news (this is what gives BM25 its idf).
 */
// biome-ignore format: a word list reads best packed
export const LONG_TAIL_NOUNS: readonly string[] = [
  "accountability", "accusation", "activist", "adjustment", "advocate", "aftermath", "agenda", "aid", "alarm", "allegation", "allocation", "ambition", "amendment", "anniversary", "announcement", "anxiety", "apology", "appetite", "applicant", "approval", "arbitration", "architect", "argument", "arrangement", "arrival", "assessment", "assistance", "assurance", "atmosphere", "attempt", "attitude", "auction", "audience", "autonomy", "backdrop", "backlash", "ban", "bargain", "barrier", "battle", "benchmark", "benefit", "blueprint", "boom", "boost", "boundary", "boycott", "branch", "breach", "breakdown", "briefing", "burden", "bureaucracy", "calculation", "calendar", "candidacy", "capacity", "catalyst", "caution", "ceiling", "ceremony", "certainty", "chamber", "champion", "charity", "charter", "chorus", "circumstance", "claimant", "clash", "clause", "climate", "closure", "coalition", "collapse", "colleague", "commentary", "commission", "compensation", "competition", "complaint", "concession", "confidence", "confrontation", "confusion", "consensus", "consent", "constraint", "consultation", "contingency", "contribution", "controversy", "convention", "conviction", "cooperation", "coordination", "corridor", "counterpart", "coverage", "crackdown", "credibility", "crossroads", "curiosity", "custody", "cutback", "database", "deadlock", "declaration", "default", "defiance", "delegate", "demonstration", "denial", "departure", "deputy", "designation", "detail", "deterrent", "devaluation", "dialogue", "dilemma", "directive", "disagreement", "disclosure", "discount", "discretion", "discrimination", "dismissal", "disparity", "displacement", "disruption", "dissent", "distrust", "diversion", "donation", "donor", "downturn", "draft", "duty", "eagerness", "edition", "efficiency", "election", "embarrassment", "emergency", "endorsement", "enforcement", "engagement", "enterprise", "enthusiasm", "entitlement", "episode", "equipment", "escalation", "exemption", "exit", "expansion", "expectation", "expenditure", "expertise", "expiry", "exploitation", "exposure", "extension", "facility", "faction", "failure", "fatigue", "feasibility", "feud", "finding", "flexibility", "footprint", "forum", "foundation", "fraction", "fragmentation", "freedom", "friction", "frustration", "fundraising", "gamble", "gathering", "generosity", "gesture", "grievance", "guideline", "handover", "hardship", "hearing", "hesitation", "hurdle", "hypothesis", "identity", "ideology", "ignorance", "imbalance", "implication", "incentive", "incident", "income", "inconsistency", "indicator", "inequality", "influence", "initiative", "injustice", "innovation", "insistence", "inspection", "instability", "instrument", "integrity", "intervention", "interview", "invitation", "isolation", "jurisdiction", "justification", "landmark", "lawsuit", "leadership", "legacy", "legislation", "legitimacy", "leverage", "liability", "licence", "lifeline", "lobbying", "loophole", "loyalty", "maintenance", "manoeuvre", "margin", "meeting", "memorial", "merit", "minority", "misconduct", "mismanagement", "mobilisation", "moratorium", "motion", "motive", "neglect", "neutrality", "nomination", "notice", "objection", "obligation", "obstacle", "offer", "omission", "operation", "optimism", "ordinance", "outlook", "outrage", "oversight", "ownership", "panel", "paradox", "participation", "partnership", "patience", "penalty", "perception", "petition", "phase", "pilot", "pledge", "plurality", "popularity", "portfolio", "precedent", "prediction", "preference", "premise", "preparation", "presence", "prestige", "privilege", "procedure", "proclamation", "projection", "prosecution", "prospect", "prosperity", "provision", "provocation", "publication", "punishment", "purchase", "quarrel", "quorum", "rally", "ransom", "rationale", "reaction", "reassurance", "rebellion", "rebuke", "recession", "reckoning", "recommendation", "reconciliation", "reconstruction", "recruitment", "referral", "refusal", "registry", "regulation", "rehabilitation", "reliance", "relief", "reluctance", "remedy", "renewal", "reputation", "requirement", "reservation", "reshuffle", "resilience", "resistance", "resolution", "restraint", "restriction", "retaliation", "retirement", "retreat", "revelation", "revenge", "reversal", "revision", "revival", "rhetoric", "rivalry", "roadmap", "rumour", "safeguard", "sanctuary", "scepticism", "schedule", "scrutiny", "secrecy", "security", "segment", "selection", "sensitivity", "sentiment", "shake-up", "shift", "shortfall", "showdown", "signal", "silence", "simulation", "slowdown", "solidarity", "sovereignty", "speculation", "stake", "stalemate", "standoff", "statute", "stimulus", "stockpile", "strain", "subsidiary", "succession", "suspension", "symbol", "sympathy", "takeover", "tension", "tenure", "territory", "testimony", "threshold", "tolerance", "tradition", "tragedy", "transition", "transparency", "trend", "triumph", "truce", "turmoil", "turnaround", "ultimatum", "uncertainty", "undertaking", "unrest", "upheaval", "urgency", "validity", "venture", "verification", "veto", "victory", "vigilance", "violation", "visibility", "volatility", "volunteer", "vulnerability", "waiver", "welfare", "withdrawal", "workshop",
];
