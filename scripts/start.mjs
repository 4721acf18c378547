// `npm start`: builds the course if the build is missing or older than its sources, then serves it.
// HOST and PORT choose where (default localhost:4321).
import { join } from 'node:path';
import { build, buildIsStale, root } from './lib/build.mjs';

// libuv's thread pool serves file reads for every page and password hashing; its default of 4 threads
// let a burst of sign-ins stall the site (security review row 11). It is sized when first used, so set
// it before anything asynchronous runs (nothing above touches the pool: the imports and checks are sync).
process.env.UV_THREADPOOL_SIZE ??= '8';

// The deployment settings first, so a mistake stops the start before a long build.
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
const { deploymentReport, publicOrigin } = await import('../src/lib/server/deployment.ts');
const deployment = deploymentReport();
if (deployment.errors.length > 0) {
  for (const error of deployment.errors) console.error(error);
  process.exit(1);
}
for (const note of deployment.notes) console.log(note);

if (buildIsStale()) {
  console.log('Building the course (first start, or the sources changed)…');
  if (!build()) process.exit(1);
}

// The database (COURSE_DB, default ./data/course.db: folder created, migrations applied) and the
// signing key (created on first start unless COURSE_SIGNING_KEY is set), before the first request.
const { describeSetup } = await import('../src/lib/server/context.ts');
const { databasePath } = await import('../src/lib/server/db.ts');
const { exitOnStorageFailure } = await import('../src/lib/server/storage.ts');
// A database folder it cannot write: a message saying what to do (COURSE_DB), exit status 1.
console.log(exitOnStorageFailure(() => describeSetup(publicOrigin()), databasePath()));

console.log(`Serving the course at http://${process.env.HOST}:${process.env.PORT}/`);
await import(join(root, 'dist', 'server', 'entry.mjs'));
