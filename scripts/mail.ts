/**
 * `npm run mail -- --invite`: invitations for every active member never invited.
 * `npm run mail -- --send-due`: every reminder and digest now due.
 * Either also sends whatever is queued (retries included); both may be given. The same round the
 * server runs on its schedule, for a cron job: see the README, "Email". The packs are read as the
 * built site has them (run `npm run build` first), so the course versions match the server's.
 * Exit status 1 when a message failed or mail is off, 2 for a usage mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/lib/server/db.ts';
import { loadSigningKey, registerKey } from '../src/lib/server/keys.ts';
import { loadPacks } from '../src/lib/load.ts';
import { publicOrigin } from '../src/lib/server/deployment.ts';
import { mailSetting } from '../src/lib/server/mail-config.ts';
import { mailRound } from '../src/lib/server/mail-schedule.ts';
import type { MailPack } from '../src/lib/server/mailer.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { invite: { type: 'boolean' }, 'send-due': { type: 'boolean' } } });
if (!values.invite && !values['send-due']) {
  console.error('Usage: npm run mail -- --invite (invite every active member never invited) and/or --send-due (every reminder and digest now due)');
  process.exit(2);
}
const setting = mailSetting();
if (!setting.on) {
  console.error(setting.reason);
  process.exit(1);
}

/** What the built site says about a pack: its content hash and induction minutes. */
function built(pack: string, file: string): Record<string, unknown> {
  const path = join(root, 'dist', 'client', pack, file);
  if (!existsSync(path)) {
    console.error(`${path} is missing: build the course first (npm run build), so reminders compare sign-offs with the course as served.`);
    process.exit(1);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

const packs = new Map<string, MailPack>(loadPacks(process.env.COURSE_CONTENT_ROOT ?? root).map(({ pack }) => [pack.id, {
  policyVersion: pack.policy.version,
  contentHash: String(built(pack.id, 'content-hashes.json').contentHash),
  refreshMonths: pack.refreshMonths,
  council: pack.council,
  officer: pack.monitoringOfficer.role,
  minutes: (built(pack.id, 'route.json') as { routes: { induction: { minutes: number } } }).routes.induction.minutes,
  templates: pack.mail,
}]));
if (!process.env.COURSE_PUBLIC_URL) console.warn(`COURSE_PUBLIC_URL is not set: links in emails will start ${publicOrigin()}`);

const db = openDatabase();
// The signing key anchors the audit entries for invitations, as the server's entries are.
registerKey(db, loadSigningKey());
const result = await mailRound(db, { packs, origin: publicOrigin() }, setting, { invite: values.invite === true, due: values['send-due'] === true, actor: 'npm run mail' });
db.close();
console.log(`Queued ${result.invited} invitations, ${result.reminders} reminders and ${result.digests} digests; sent ${result.sent}, failed ${result.failed} (${setting.config.relay}).`);
if (result.failed > 0) {
  console.error('Some messages could not be sent: they are tried again later; see /admin/mail/ for the errors.');
  process.exit(1);
}
