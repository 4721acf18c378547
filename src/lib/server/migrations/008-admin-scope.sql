-- Self-service admin and one council or many (issue 15).

-- The packs an admin may see. An admin with no rows here sees every pack (a "full" admin).
CREATE TABLE admin_packs (
  admin_id  INTEGER NOT NULL REFERENCES admins (id),
  pack      TEXT NOT NULL,
  PRIMARY KEY (admin_id, pack)
) STRICT;

-- A disabled admin cannot sign in; nothing about them is deleted (the audit log names them).
ALTER TABLE admins ADD COLUMN disabled_at TEXT;

-- A setup link for a named account (an invitation, or a password reset) rather than the first admin.
ALTER TABLE setup_tokens ADD COLUMN admin_id INTEGER REFERENCES admins (id);
