-- The Monitoring Officer's side: admin accounts and sessions, the member roster with personal links,
-- progress events, and the audit log.

CREATE TABLE admins (
  id             INTEGER PRIMARY KEY,
  email          TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name           TEXT NOT NULL,
  password_hash  TEXT NOT NULL,       -- scrypt$N$r$p$salt$hash
  created_at     TEXT NOT NULL
) STRICT;

-- Sessions by the SHA-256 of their cookie token.
CREATE TABLE sessions (
  id            TEXT PRIMARY KEY,
  admin_id      INTEGER NOT NULL REFERENCES admins (id),
  created_at    TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL
) STRICT;

-- Failed logins, for lockout per account and per address.
CREATE TABLE login_failures (
  id       INTEGER PRIMARY KEY,
  email    TEXT NOT NULL COLLATE NOCASE,
  address  TEXT NOT NULL,
  at       TEXT NOT NULL
) STRICT;
CREATE INDEX login_failures_email ON login_failures (email, at);
CREATE INDEX login_failures_address ON login_failures (address, at);

-- One-time links that create the first admin account.
CREATE TABLE setup_tokens (
  id          TEXT PRIMARY KEY,        -- SHA-256 of the token
  expires_at  TEXT NOT NULL,
  used_at     TEXT
) STRICT;

CREATE TABLE members (
  id                 INTEGER PRIMARY KEY,
  email              TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name               TEXT NOT NULL,
  role               TEXT NOT NULL CHECK (role IN ('councillor', 'co-opted member')),
  ward_or_committee  TEXT NOT NULL,
  pack               TEXT NOT NULL,
  due_date           TEXT NOT NULL,   -- YYYY-MM-DD
  link_hash          TEXT UNIQUE,     -- SHA-256 of the personal link's token
  link_created_at    TEXT,
  archived_at        TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
CREATE INDEX members_pack ON members (pack, archived_at);

-- What a member did in the course, reported through their personal link: lesson visits, answers.
CREATE TABLE member_events (
  id         INTEGER PRIMARY KEY,
  member_id  INTEGER NOT NULL REFERENCES members (id),
  kind       TEXT NOT NULL CHECK (kind IN ('lesson', 'check', 'flowchart', 'reply', 'assessment')),
  item       TEXT NOT NULL,
  correct    INTEGER CHECK (correct IN (0, 1)),
  at         TEXT NOT NULL
) STRICT;
CREATE INDEX member_events_member ON member_events (member_id, at);
CREATE INDEX member_events_item ON member_events (kind, item);

-- Which member an attempt and a record belong to, when taken through a personal link.
ALTER TABLE attempts ADD COLUMN member_id INTEGER REFERENCES members (id);
CREATE TABLE record_members (
  record_id  TEXT PRIMARY KEY REFERENCES records (id),
  member_id  INTEGER NOT NULL REFERENCES members (id)
) STRICT;
CREATE INDEX record_members_member ON record_members (member_id);

-- Append-only audit log: each entry holds the SHA-256 of the one before (see src/lib/server/audit.ts).
CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  detail     TEXT NOT NULL,           -- JSON
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
