-- The first schema: everything the lowdb files and the process memory hold on one machine.
-- Documents are jsonb in the shapes src/store/store-schema.ts validates; the columns beside
-- them are what queries look up or order by.

-- Articles moderators added, in the order they were first added (position), as lowdb keeps them.
CREATE TABLE corpus_articles (
  id text PRIMARY KEY,
  position bigserial NOT NULL,
  source_id text NOT NULL,
  canonical_url text NOT NULL,
  text_hash text NOT NULL,
  stored jsonb NOT NULL
);
CREATE INDEX corpus_articles_position ON corpus_articles (position);
CREATE INDEX corpus_articles_source ON corpus_articles (source_id);

CREATE TABLE corpus_sources (
  id text PRIMARY KEY,
  position bigserial NOT NULL,
  source jsonb NOT NULL
);
CREATE INDEX corpus_sources_position ON corpus_sources (position);

-- Who changed what; the newest 10,000 entries are kept, as in lowdb.
CREATE TABLE corpus_audit (
  seq bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  entry jsonb NOT NULL
);

-- One row: bumped by every change, so an instance knows whether its snapshot is current.
CREATE TABLE corpus_revision (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  revision bigint NOT NULL
);
INSERT INTO corpus_revision (revision) VALUES (0);

-- Who holds the corpus writer's advisory lock, for the "busy" message of everyone else.
CREATE TABLE corpus_lock_holder (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  purpose text NOT NULL,
  host text NOT NULL,
  pid integer NOT NULL,
  since timestamptz NOT NULL
);

-- Feedback: what was asked and quoted, and one vote per user per answer.
CREATE TABLE feedback_answers (
  platform text NOT NULL,
  answer_id text NOT NULL,
  question text NOT NULL,
  quotes jsonb NOT NULL,
  PRIMARY KEY (platform, answer_id)
);
CREATE TABLE feedback_votes (
  platform text NOT NULL,
  answer_id text NOT NULL,
  user_id text NOT NULL,
  vote text NOT NULL CHECK (vote IN ('up', 'down')),
  at timestamptz NOT NULL,
  PRIMARY KEY (platform, answer_id, user_id),
  FOREIGN KEY (platform, answer_id) REFERENCES feedback_answers ON DELETE CASCADE
);

-- Short-lived state; times are milliseconds since 1970 from the bot's clock.
CREATE TABLE follow_ups (
  chat_key text PRIMARY KEY,
  speaker text,
  seen jsonb NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX follow_ups_expiry ON follow_ups (expires_at);

CREATE TABLE rate_limits (
  name text NOT NULL,
  key text NOT NULL,
  uses bigint[] NOT NULL,
  touched_at bigint NOT NULL,
  PRIMARY KEY (name, key)
);
CREATE INDEX rate_limits_touched ON rate_limits (touched_at);

CREATE TABLE answer_cache (
  id text PRIMARY KEY,
  entry jsonb NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX answer_cache_expiry ON answer_cache (expires_at);
