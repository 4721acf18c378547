// `npm start`: builds the course if the build is missing or older than its sources, then serves it.
// HOST and PORT choose where (default localhost:4321).
import { join } from 'node:path';
import { build, buildIsStale, root } from './lib/build.mjs';

if (buildIsStale()) {
  console.log('Building the course (first start, or the sources changed)…');
  if (!build()) process.exit(1);
}

// The database (COURSE_DB, default ./data/course.db: folder created, migrations applied) and the
// signing key (created on first start unless COURSE_SIGNING_KEY is set), before the first request.
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
const { describeSetup } = await import('../src/lib/server/context.ts');
const { databasePath } = await import('../src/lib/server/db.ts');
const { exitOnStorageFailure } = await import('../src/lib/server/storage.ts');
// A database folder it cannot write: a message saying what to do (COURSE_DB), exit status 1.
const origin = process.env.COURSE_PUBLIC_URL?.replace(/\/+$/, '') || `http://${process.env.HOST}:${process.env.PORT}`;
console.log(exitOnStorageFailure(() => describeSetup(origin), databasePath()));

console.log(`Serving the course at http://${process.env.HOST}:${process.env.PORT}/`);
await import(join(root, 'dist', 'server', 'entry.mjs'));
