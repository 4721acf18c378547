-- Evidence that resists the database's own administrator (security review row 12).

-- A revocation is a signed document, like a record: its canonical JSON exactly as signed, and the
-- base64 Ed25519 signature over it (see src/lib/server/revocations.ts). NULL only on rows written
-- before this migration, which verification reports as unsigned.
ALTER TABLE record_events ADD COLUMN body TEXT;
ALTER TABLE record_events ADD COLUMN signature TEXT;

-- Each audit entry's anchor: the signing key's Ed25519 signature over the entry's ID and hash, so
-- someone who rewrites the log and recomputes every hash cannot anchor the new head (see audit.ts).
ALTER TABLE audit_log ADD COLUMN anchor TEXT;
ALTER TABLE audit_log ADD COLUMN anchor_key TEXT;
