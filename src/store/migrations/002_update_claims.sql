-- Updates claimed by the instance handling them, so a delivery Telegram retries (a webhook
-- that timed out, a connection cut) is handled once across instances. owner is the key of
-- the claiming instance's advisory lock (namespace INSTANCE_LOCK_NAMESPACE): a claim whose
-- owner no longer holds it was left by a dead instance and may be claimed again. Times are
-- milliseconds since 1970 from the bot's clock; expired rows are deleted as claims come.
CREATE TABLE update_claims (
  key text PRIMARY KEY,
  owner integer NOT NULL,
  done boolean NOT NULL DEFAULT false,
  expires_at bigint NOT NULL
);
CREATE INDEX update_claims_expiry ON update_claims (expires_at);
