-- Sign-off: signing keys, final-assessment attempts, signed records and their events.

-- Every public key that has signed records, so old records still verify after the key is rotated.
CREATE TABLE signing_keys (
  key_id      TEXT PRIMARY KEY,
  public_key  TEXT NOT NULL,          -- SPKI PEM
  created_at  TEXT NOT NULL
) STRICT;

-- One final-assessment attempt. `id` is the SHA-256 of the attempt's secret token, which only the
-- learner's address bar holds.
CREATE TABLE attempts (
  id            TEXT PRIMARY KEY,
  pack          TEXT NOT NULL,
  questions     TEXT NOT NULL,        -- JSON array of question IDs, in the order shown
  created_at    TEXT NOT NULL,
  submitted_at  TEXT,
  answers       TEXT,                 -- JSON: marked answers, once submitted
  correct       INTEGER,
  total         INTEGER,
  passed        INTEGER CHECK (passed IN (0, 1)),
  CHECK ((submitted_at IS NULL) = (answers IS NULL))
) STRICT;

-- Signed sign-off records. Append-only: the triggers below refuse updates and deletes.
CREATE TABLE records (
  id              TEXT PRIMARY KEY,
  pack            TEXT NOT NULL,
  policy_version  TEXT NOT NULL,
  content_hash    TEXT NOT NULL,
  member_name     TEXT NOT NULL,
  member_role     TEXT NOT NULL,
  member_group    TEXT NOT NULL,
  member_email    TEXT,
  attempt_id      TEXT NOT NULL UNIQUE REFERENCES attempts (id),   -- one record per passed attempt
  submission      TEXT NOT NULL UNIQUE,                             -- the form's one-time key: a double submit finds the first record
  signed_at       TEXT NOT NULL,
  key_id          TEXT NOT NULL REFERENCES signing_keys (key_id),
  body            TEXT NOT NULL,      -- the record's canonical JSON, exactly as signed
  signature       TEXT NOT NULL       -- base64 Ed25519 over `body`
) STRICT;
CREATE INDEX records_pack ON records (pack, signed_at);

CREATE TRIGGER records_append_only_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'sign-off records are append-only'); END;
CREATE TRIGGER records_append_only_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'sign-off records are append-only'); END;

-- Things that happen to a record after signing. A revocation is a new event, never an edit.
CREATE TABLE record_events (
  id          INTEGER PRIMARY KEY,
  record_id   TEXT NOT NULL REFERENCES records (id),
  kind        TEXT NOT NULL CHECK (kind IN ('revoked')),
  reason      TEXT NOT NULL,
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL
) STRICT;
CREATE INDEX record_events_record ON record_events (record_id);

CREATE TRIGGER record_events_append_only_update BEFORE UPDATE ON record_events
BEGIN SELECT RAISE(ABORT, 'record events are append-only'); END;
CREATE TRIGGER record_events_append_only_delete BEFORE DELETE ON record_events
BEGIN SELECT RAISE(ABORT, 'record events are append-only'); END;
