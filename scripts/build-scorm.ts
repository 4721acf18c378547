/**
 * `npm run build:scorm -- --pack <id>`: a SCORM 1.2 package of one course, for councils that load
 * courses into their own learning management system. Writes `dist-scorm/<pack>-<version>.zip`:
 * the pack's lessons, scenarios and knowledge checks, the final assessment, declaration and
 * certificate, all with relative links, `imsmanifest.xml` listing every file, and the XML schemas
 * the manifest names (scripts/scorm-xsd/: ADL's and IMS's published SCORM 1.2 files, unchanged).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { imsManifest, SCHEMA_FILES } from '../src/lib/scorm/manifest.ts';
import { loadPacks } from '../src/lib/load.ts';
import { rewriteLinks } from '../src/lib/scorm/links.ts';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({ options: { pack: { type: 'string' } } });
const packs = loadPacks(root);
const data = packs.find((p) => p.pack.id === values.pack);
if (!data) {
  console.error(`Usage: npm run build:scorm -- --pack <id>   (one of: ${packs.map((p) => p.pack.id).join(', ')})`);
  process.exit(2);
}
const { pack } = data;
const buildDir = join(root, 'dist-scorm', `build-${pack.id}`);

console.log(`Building the ${pack.council} course for SCORM…`);
rmSync(buildDir, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, COURSE_SCORM: pack.id, ASTRO_TELEMETRY_DISABLED: '1' },
});

const client = join(buildDir, 'client');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
}
/** The pack's pages, the SCORM pages and the shared assets; not the other packs or the home page. */
const included = files(client)
  .map((f) => relative(client, f).split('\\').join('/'))
  .filter((f) => f.startsWith('_astro/') || f.startsWith(`${pack.id}/`) || f.startsWith(`scorm/${pack.id}/`));
const launch = `scorm/${pack.id}/index.html`;
const entries: Record<string, Uint8Array> = {};
const problems: string[] = [];
for (const file of included) {
  const bytes = readFileSync(join(client, file));
  if (!file.endsWith('.html')) {
    entries[file] = bytes;
    continue;
  }
  const result = rewriteLinks(bytes.toString('utf8'), file, pack.id, (target) => included.includes(target));
  problems.push(...result.missing.map((m) => `${file}: link to ${m} is not in the package`));
  entries[file] = Buffer.from(result.html);
}
if (problems.length > 0) {
  console.error(`The package would have broken links:\n${problems.slice(0, 20).join('\n')}`);
  process.exit(1);
}
const content = Object.keys(entries);
for (const schema of SCHEMA_FILES) entries[schema] = readFileSync(join(import.meta.dirname, 'scorm-xsd', schema));
entries['imsmanifest.xml'] = Buffer.from(imsManifest({
  identifier: `${pack.id}-${pack.policy.version}`,
  title: `${pack.council}: ${pack.policy.title}`,
  // The same figures the web build publishes and the course page shows.
  typicalMinutes: JSON.parse(readFileSync(join(client, pack.id, 'route.json'), 'utf8')).routes.induction.minutes,
  launch,
  files: content,
}));
const slug = pack.policy.version.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const out = join(root, 'dist-scorm', `${pack.id}-${slug}.zip`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zipSync(entries, { level: 9 }));
console.log(`Wrote ${relative(root, out)}: ${Object.keys(entries).length} files, ${(statSync(out).size / 1024).toFixed(0)} KB. Upload it to your LMS as a SCORM 1.2 package.`);
