-- Assessment attempts expire, and retakes cool down (security review rows 9, 10 and 24).
-- See src/lib/server/attempts.ts (expiry) and src/lib/server/retakes.ts (cool-down, daily cap).

-- The address that started an anonymous attempt, for the retake cool-down. Cleared after a day.
ALTER TABLE attempts ADD COLUMN client TEXT;

-- Each prune and each check below reads one of these, so none scans the whole table.
CREATE INDEX attempts_unsubmitted ON attempts (created_at) WHERE submitted_at IS NULL;
CREATE INDEX attempts_anonymous ON attempts (submitted_at) WHERE member_id IS NULL AND submitted_at IS NOT NULL;
CREATE INDEX attempts_member ON attempts (member_id, created_at) WHERE member_id IS NOT NULL;
CREATE INDEX attempts_client ON attempts (client, created_at) WHERE client IS NOT NULL;
CREATE INDEX attempts_client_age ON attempts (created_at) WHERE client IS NOT NULL;
