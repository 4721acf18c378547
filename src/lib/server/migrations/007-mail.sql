-- Email (issue 15): personal links that can be shown and sent again, and the outbox.
-- See src/lib/server/links.ts and src/lib/server/outbox.ts.

-- A member's link is derived from a server secret, the member's ID and this generation (links.ts);
-- "Make a new personal link" adds one, so the old link stops working. link_hash keeps the SHA-256
-- of the current token for lookup, as before.
ALTER TABLE members ADD COLUMN link_generation INTEGER NOT NULL DEFAULT 0;
-- Links made before this migration were random and cannot be derived: they keep working, looked up
-- here, until the member's link is next made new (or they are archived).
ALTER TABLE members ADD COLUMN legacy_link_hash TEXT;
UPDATE members SET legacy_link_hash = link_hash, link_hash = NULL WHERE link_hash IS NOT NULL;
CREATE UNIQUE INDEX members_legacy_link ON members (legacy_link_hash) WHERE legacy_link_hash IS NOT NULL;

-- Every message, kept after sending: what was sent to whom and when.
CREATE TABLE mail_outbox (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL,             -- invitation, due-soon, overdue, expiring, expired, re-sign, digest
  member_id    INTEGER REFERENCES members (id),
  admin_id     INTEGER REFERENCES admins (id),
  pack         TEXT,
  to_address   TEXT NOT NULL,
  subject      TEXT NOT NULL,
  text         TEXT NOT NULL,
  html         TEXT NOT NULL,
  -- (kind, member or admin, occasion): the same message is never queued twice.
  dedupe_key   TEXT NOT NULL UNIQUE,
  -- Fixed when queued, so a retry after a crash carries the same Message-ID.
  message_id   TEXT NOT NULL UNIQUE,
  status       TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  next_try_at  TEXT NOT NULL,
  claimed_at   TEXT,
  sent_at      TEXT,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (status, next_try_at);
CREATE INDEX mail_outbox_member ON mail_outbox (member_id, kind);
