-- Each member's status, kept rather than computed on every dashboard request (issue 17).
-- See src/lib/server/member-statuses.ts: the value is always what src/lib/member-status.ts computes
-- from the facts kept beside it; the triggers below mark a member stale whenever one of those facts
-- may have changed, and the next read recomputes the stale ones.

CREATE TABLE member_status (
  member_id        INTEGER PRIMARY KEY REFERENCES members (id),
  status           TEXT NOT NULL,
  urgency          INTEGER NOT NULL,   -- position in STATUS_ORDER: most urgent first
  detail           TEXT NOT NULL,
  expires_on       TEXT,
  -- The day (YYYY-MM-DD) the status changes by itself (a due date or an expiry passes); NULL: only an event changes it.
  status_until     TEXT,
  -- The facts it was computed from (as listMembers reads them), shown and exported with it.
  started_at       TEXT,
  passed_unsigned  INTEGER NOT NULL,
  record_id        TEXT,
  signed_at        TEXT,
  policy_version   TEXT,
  content_hash     TEXT,
  best_score       INTEGER,
  revoked_at       TEXT,
  -- For sorting and searching in SQL as the dashboard did in JavaScript: case and accents folded.
  name_key         TEXT NOT NULL,
  ward_key         TEXT NOT NULL,
  name_lower       TEXT NOT NULL,
  ward_lower       TEXT NOT NULL
) STRICT;
CREATE INDEX member_status_until ON member_status (status_until) WHERE status_until IS NOT NULL;
-- The dashboard's sorts (dashboard-query.ts): a page in these orders reads its 100 rows, not all of them.
CREATE INDEX member_status_by_urgency ON member_status (urgency, name_key);
CREATE INDEX member_status_by_name ON member_status (name_key);
CREATE INDEX member_status_by_ward ON member_status (ward_key, name_key);

-- Members whose kept status may be out of date. Every member starts here.
CREATE TABLE member_status_stale (member_id INTEGER PRIMARY KEY) STRICT;
INSERT INTO member_status_stale (member_id) SELECT id FROM members;

-- The policy version, content hash and refresh period each pack's statuses were computed for: when
-- a pack changes (a new build), every member of it is recomputed.
CREATE TABLE member_status_basis (
  pack   TEXT PRIMARY KEY,
  basis  TEXT NOT NULL
) STRICT;

-- Roster: added, moved to another pack, due date or name or ward changed (name and ward are sort keys).
CREATE TRIGGER member_status_member_added AFTER INSERT ON members
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.id); END;
CREATE TRIGGER member_status_member_changed AFTER UPDATE OF name, ward_or_committee, pack, due_date ON members
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.id); END;

-- Progress: only an event before the first one known changes when the member started.
CREATE TRIGGER member_status_progress AFTER INSERT ON member_events
WHEN NOT EXISTS (SELECT 1 FROM member_status s WHERE s.member_id = NEW.member_id AND s.started_at IS NOT NULL AND s.started_at <= NEW.at)
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.member_id); END;

-- Assessment attempts: a start counts as starting, a pass as "passed, not signed"; old unsent ones are pruned.
CREATE TRIGGER member_status_attempt_added AFTER INSERT ON attempts WHEN NEW.member_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.member_id); END;
CREATE TRIGGER member_status_attempt_changed AFTER UPDATE OF member_id, created_at, correct, total, passed ON attempts
BEGIN
  INSERT OR IGNORE INTO member_status_stale (member_id) SELECT NEW.member_id WHERE NEW.member_id IS NOT NULL;
  INSERT OR IGNORE INTO member_status_stale (member_id) SELECT OLD.member_id WHERE OLD.member_id IS NOT NULL;
END;
CREATE TRIGGER member_status_attempt_removed AFTER DELETE ON attempts WHEN OLD.member_id IS NOT NULL
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (OLD.member_id); END;

-- Sign-off (through a link, or matched by an officer later), its attempt used up, and revocation.
CREATE TRIGGER member_status_record_member AFTER INSERT ON record_members
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.member_id); END;
CREATE TRIGGER member_status_record_member_changed AFTER UPDATE ON record_members
BEGIN
  INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (NEW.member_id);
  INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (OLD.member_id);
END;
CREATE TRIGGER member_status_record_member_removed AFTER DELETE ON record_members
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) VALUES (OLD.member_id); END;
CREATE TRIGGER member_status_record AFTER INSERT ON records
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) SELECT member_id FROM attempts WHERE id = NEW.attempt_id AND member_id IS NOT NULL; END;
CREATE TRIGGER member_status_record_event AFTER INSERT ON record_events
BEGIN INSERT OR IGNORE INTO member_status_stale (member_id) SELECT member_id FROM record_members WHERE record_id = NEW.record_id; END;
