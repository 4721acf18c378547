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
import { builtPackIds } from '../data/server-course.ts';
import { isServed, packOfPath, servedPacks, unknownServed } from '../lib/served-packs.ts';

if (autostart) {
  delete process.env.ASTRO_NODE_AUTOSTART;
  // The database and signing key before listening: a folder it cannot write stops the start with a clear message.
  exitOnStorageFailure(server, databasePath());
  // COURSE_PACKS: a pack not served is not found, its prerendered pages included (they are files on
  // disk, which the adapter serves before any route runs), so such a request is sent to a missing page.
  const built = await builtPackIds();
  const unknown = unknownServed(built);
  if (unknown.length > 0) {
    console.error(`COURSE_PACKS names ${unknown.map((id) => `"${id}"`).join(', ')}, which this build does not have. Its packs: ${built.join(', ')}.`);
    process.exit(1);
  }
  const served = servedPacks();
  const packs = new Set(built);
  if (options.mode === 'standalone') {
    startServer().server.server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
      setSecurityHeaders(res);
      const pack = served && packOfPath(req.url ?? '/', packs);
      if (pack && !isServed(pack, served)) req.url = '/404-not-served/';
      // The prerendered home page offers every pack built; served.astro, those served.
      else if (served && /^\/(index\.html)?(\?|$)/.test(req.url ?? '')) req.url = `/served/${(req.url ?? '').replace(/^[^?]*/, '')}`;
    });
  }
}

export { handler, options, startServer };
