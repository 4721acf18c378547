/**
 * Personal course links that can be shown and sent again without being stored. A member's token is
 * HMAC-SHA256(link secret, "<member ID>.<generation>"), its first 24 bytes in base64url (32
 * characters, like the random links before it). The database keeps only its SHA-256 (`link_hash`),
 * for lookup; the secret lives in `link-secret.key` beside the database (mode 0600, made on first
 * use), never in the database or a log. "Make a new personal link" adds one to the generation, so
 * the old link stops working; showing, exporting or emailing the link derives the same one again.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { sha256Hex } from '../digest.ts';
import { transaction } from './db.ts';
import { audit } from './audit.ts';

const secrets = new Map<string, Buffer>();
/** For databases in memory (tests): one secret for this process. */
const inMemory = randomBytes(32);

export const linkSecretPath = (database: string): string => join(dirname(database), 'link-secret.key');

/**
 * The secret beside the database file, created on first use: written to a file of its own, then
 * linked into place, so another process (a script, the tests) never reads it half-written, and
 * never overwrites one another process has just made.
 */
export function linkSecret(db: DatabaseSync): Buffer {
  const database = db.location();
  if (!database) return inMemory;
  const file = linkSecretPath(database);
  let secret = secrets.get(file);
  if (secret) return secret;
  if (!existsSync(file)) {
    const draft = `${file}.${process.pid}.${randomBytes(6).toString('hex')}`;
    writeFileSync(draft, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      linkSync(draft, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      rmSync(draft, { force: true });
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < 32) throw new Error(`${file} does not hold a link secret (32 random bytes, base64url): delete it and a new one is made on next use (links already sent keep working; pages and emails then show new ones)`);
  secrets.set(file, secret);
  return secret;
}

export const deriveToken = (secret: Buffer, memberId: number, generation: number): string =>
  createHmac('sha256', secret).update(`${memberId}.${generation}`).digest().subarray(0, 24).toString('base64url');

interface LinkRow { link_hash: string | null; link_generation: number; archived_at: string | null }

/**
 * The member's current token, making it the stored one if the member has none yet (or one that is
 * not derived: a random link from before, or one made with a lost secret, which keeps working as a
 * legacy link). Never stops a working link. Undefined for an unknown or archived member.
 */
export function currentLink(db: DatabaseSync, memberId: number, now = new Date()): string | undefined {
  return transaction(db, () => {
    const row = db.prepare('SELECT link_hash, link_generation, archived_at FROM members WHERE id = ?').get(memberId) as LinkRow | undefined;
    if (!row || row.archived_at) return undefined;
    const token = deriveToken(linkSecret(db), memberId, row.link_generation);
    const hash = sha256Hex(token);
    if (row.link_hash !== hash) {
      const at = now.toISOString();
      db.prepare(`UPDATE members SET legacy_link_hash = coalesce(legacy_link_hash, link_hash), link_hash = ?,
        link_created_at = coalesce(link_created_at, ?), updated_at = ? WHERE id = ?`).run(hash, at, at, memberId);
    }
    return token;
  });
}

/** A new personal link: the generation goes up, so every earlier link (derived or legacy) stops working. */
export function newLink(db: DatabaseSync, memberId: number, actor: string, now = new Date()): string {
  return transaction(db, () => {
    const at = now.toISOString();
    db.prepare('UPDATE members SET link_generation = link_generation + 1, link_hash = NULL, legacy_link_hash = NULL, link_created_at = ?, updated_at = ? WHERE id = ?').run(at, at, memberId);
    const token = currentLink(db, memberId, now);
    audit(db, actor, 'link-regenerate', String(memberId), {}, now);
    if (!token) throw new Error(`No active member ${memberId}`);
    return token;
  });
}

/** The active member a token opens, by its current or legacy link. */
export function memberIdByLink(db: DatabaseSync, token: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return undefined;
  const hash = sha256Hex(token);
  const row = db.prepare('SELECT id FROM members WHERE (link_hash = ? OR legacy_link_hash = ?) AND archived_at IS NULL').get(hash, hash) as { id: number } | undefined;
  return row?.id;
}
