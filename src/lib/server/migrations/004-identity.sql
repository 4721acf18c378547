-- Self-declared sign-offs that an officer has matched to a roster member (security review row 1). The
-- record stays as signed ("self-declared"); the match is a new fact, with who made it and when. Matching
-- also adds the record_members row, so the member's status and the register count the record.
CREATE TABLE record_matches (
  record_id  TEXT PRIMARY KEY REFERENCES records (id),
  member_id  INTEGER NOT NULL REFERENCES members (id),
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL
) STRICT;

CREATE TRIGGER record_matches_append_only_update BEFORE UPDATE ON record_matches
BEGIN SELECT RAISE(ABORT, 'record matches are append-only'); END;
CREATE TRIGGER record_matches_append_only_delete BEFORE DELETE ON record_matches
BEGIN SELECT RAISE(ABORT, 'record matches are append-only'); END;
