/** Email's view of the course for on-demand routes and the server's schedule: each pack's council, officer, version and templates. */
import { allCourses } from './server-course.ts';
import { publicOrigin } from '../lib/server/http.ts';
import type { MailContext, MailPack } from '../lib/server/mailer.ts';

export async function mailContext(): Promise<MailContext> {
  const packs = new Map<string, MailPack>((await allCourses()).map((c) => [c.pack.id, {
    policyVersion: c.pack.policy.version,
    contentHash: c.content.hash,
    refreshMonths: c.pack.refreshMonths,
    council: c.pack.council,
    officer: c.pack.monitoringOfficer.role,
    minutes: c.routes.induction.minutes,
    templates: c.pack.mail,
  }]));
  return { packs, origin: publicOrigin() };
}
