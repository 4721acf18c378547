/**
 * The built server's entry (`dist/server/entry.mjs`, run by `npm start`): the Node adapter's
 * standalone server, plus security headers on every response. The adapter serves prerendered
 * pages and assets from disk before Astro's middleware runs, so the headers are set here, on the
 * Node response, ahead of the adapter's own handler (see src/lib/server/headers.ts).
 */
import { autostart } from './no-autostart.ts';
import { handler, options, startServer } from '@astrojs/node/server.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setSecurityHeaders } from '../lib/server/headers.ts';
import { server } from '../lib/server/context.ts';
import { databasePath } from '../lib/server/db.ts';
import { exitOnStorageFailure } from '../lib/server/storage.ts';
import { startMailSchedule } from '../lib/server/mail-schedule.ts';
import { mailContext } from '../data/mail.ts';

if (autostart) {
  delete process.env.ASTRO_NODE_AUTOSTART;
  // The database and signing key before listening: a folder it cannot write stops the start with a clear message.
  exitOnStorageFailure(server, databasePath());
  // Invitations, reminders and digests on a schedule, when COURSE_SMTP_URL is set (mail-schedule.ts).
  startMailSchedule(() => server().db, mailContext);
  if (options.mode === 'standalone') {
    startServer().server.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => setSecurityHeaders(res));
  }
}

export { handler, options, startServer };
