/** `npm run audit:verify`: checks the audit log's hash chain; names the first broken entry. Exits 1 if broken. */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { databasePath } from '../src/lib/server/db.ts';
import { verifyAuditChain } from '../src/lib/server/audit.ts';

const path = databasePath();
if (!existsSync(path)) {
  console.error(`No database at ${path} (set COURSE_DB).`);
  process.exit(2);
}
const db = new DatabaseSync(path, { readOnly: true });
const result = verifyAuditChain(db);
db.close();
if (result.ok) {
  console.log(`Audit log intact: ${result.entries} entries, each following from the one before.`);
} else {
  console.error(`Audit log BROKEN at entry ${result.brokenAt}: ${result.reason}. (${result.entries} entries read.)`);
  process.exit(1);
}
