-- The progress a member's browser last reported through their personal link, as the browser keeps
-- it (lessons read, check answers, scenario decisions), so the same link resumes on any device.
-- member_events keeps each first answer for the analytics; this keeps where the member is now.
-- A new sign-off starts a new round: progress kept for an older basis is not handed out.
CREATE TABLE member_progress (
  member_id   INTEGER PRIMARY KEY REFERENCES members (id),
  pack        TEXT NOT NULL,
  basis       TEXT NOT NULL,   -- the record this round of the course refreshes ('' at induction)
  progress    TEXT NOT NULL,   -- JSON in the shape of src/lib/progress.ts, re-validated on every read
  updated_at  TEXT NOT NULL
) STRICT;
