/**
 * `npm run audit:verify [-- --expect ENTRY:HASH]`: checks the audit log's chain and anchors, and the
 * log against the records, revocations, admins and members (src/lib/server/audit-check.ts says what
 * this can and cannot detect). Prints the head to note outside the database. Exits 1 on any problem.
 */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { databasePath } from '../src/lib/server/db.ts';
import { loadSigningKey, type SigningKey } from '../src/lib/server/keys.ts';
import { checkAuditLog, expectedHeadProblem } from '../src/lib/server/audit-check.ts';

const { values } = parseArgs({ options: { expect: { type: 'string', multiple: true } } });
const path = databasePath();
if (!existsSync(path)) {
  console.error(`No database at ${path} (set COURSE_DB).`);
  process.exit(2);
}
let key: SigningKey;
try {
  // The anchors are checked against the key from outside the database, never one the database lists.
  key = loadSigningKey({ create: false });
} catch (error) {
  console.error(`${(error as Error).message} The audit log's anchors are checked with the course's signing key: set COURSE_SIGNING_KEY as the server has it.`);
  process.exit(2);
}
const db = new DatabaseSync(path, { readOnly: true });
const report = checkAuditLog(db, key);
const problems = [...report.problems, ...(values.expect ?? []).flatMap((e) => expectedHeadProblem(db, e) ?? [])];
db.close();

const { records, revocations, admins, members } = report.counts;
console.log(`Checked ${report.entries} audit entries against ${records} records, ${revocations} revocations, ${admins} admins and ${members} members, with signing key ${key.keyId}.`);
if (report.unanchoredBefore > 0) console.log(`The first ${report.unanchoredBefore} entries predate anchoring; the chain from them to the anchored head covers them.`);
if (report.head) console.log(`Head: entry ${report.head.id}, written ${report.head.at}, hash ${report.head.hash}`);
if (problems.length === 0) {
  console.log(`Audit log intact: ${report.entries} entries, each following from the one before and anchored with the signing key; every record, revocation, admin and member has its entry.`);
  // Cutting the newest entries back is only visible against a head kept outside the database.
  if (report.head) console.log(`Note "${report.head.id}:${report.head.hash}" outside the database (e.g. in committee minutes); later, \`npm run audit:verify -- --expect ${report.head.id}:${report.head.hash}\` shows the log still reaches it unchanged.`);
} else {
  console.error(`Audit log BROKEN: ${problems.length} problem${problems.length > 1 ? 's' : ''}:`);
  for (const p of problems) console.error(`- ${p}`);
  process.exit(1);
}
