/**
 * No browser code and no prerendered page reaches server-only code. Walks the import graph from
 * every island and client script, and from every prerendered page, and names the chain when one does:
 * - browser code (Svelte islands, TypeScript under src/components/, every Astro `<script>`) must reach neither
 *   the server's modules (src/lib/server/**, src/data/server-*.ts) nor Node's (node:*);
 * - a prerendered page must not reach the server's modules, whose database, keys and sessions would
 *   be read once at build time and baked into static HTML. Its frontmatter runs in Node at build
 *   time, so Node's modules are fine there (src/lib/digest.ts hashes lesson text with node:crypto);
 *   the scripts of the components it uses are browser code, checked above.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codeOf, importsOf, serverChain, serverModule, type Part } from './support/import-graph.ts';
import { projectRoot } from '../support/packs.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

/** The browser's entry points: Svelte islands, scripts under src/components/, and every `<script>` tag of an Astro file. */
function clientEntries(root: string): { file: string; part: Part }[] {
  const src = files(join(root, 'src'));
  const components = join(root, 'src', 'components');
  return [
    ...src.filter((f) => f.startsWith(components) && /\.(svelte|ts)$/.test(f)).map((file) => ({ file, part: (file.endsWith('.svelte') ? 'scripts' : 'all') as Part })),
    ...src.filter((f) => f.endsWith('.astro') && /<script\b/.test(readFileSync(f, 'utf8'))).map((file) => ({ file, part: 'scripts' as Part })),
  ];
}

/** Pages prerendered at build time: every page under src/pages/ that does not opt out with `prerender = false`. */
const prerenderedPages = (root: string) =>
  files(join(root, 'src', 'pages')).filter((f) => /\.(astro|ts)$/.test(f) && !/export const prerender = false/.test(readFileSync(f, 'utf8')));

function offenders(root: string): string[] {
  const client = clientEntries(root).map(({ file, part }) => serverChain(root, file, part));
  const pages = prerenderedPages(root).map((file) => serverChain(root, file, 'frontmatter+scripts', serverModule));
  return [...client, ...pages].filter((chain): chain is string => chain !== undefined);
}

describe('browser code and prerendered pages import no server-only code', () => {
  it('finds the entry points it is meant to walk', () => {
    const names = (list: string[]) => list.map((f) => relative(projectRoot, f));
    expect(names(clientEntries(projectRoot).map((e) => e.file))).toEqual(expect.arrayContaining([
      'src/components/quiz/ScenarioPlayer.svelte', 'src/components/quiz/check-enhance.ts', 'src/components/progress/Progress.astro', 'src/pages/sign-off.astro',
    ]));
    expect(names(prerenderedPages(projectRoot))).toEqual(expect.arrayContaining(['src/pages/index.astro', 'src/pages/[pack]/[part]/[slug].astro']));
    expect(names(prerenderedPages(projectRoot))).not.toContain('src/pages/sign-off.astro');
  });

  it('no island or client script reaches src/lib/server/, src/data/server-*.ts or node:*; no prerendered page reaches the first two', () => {
    expect(offenders(projectRoot)).toEqual([]);
  });
});

describe('the import walk', () => {
  const root = mkdtempSync(join(tmpdir(), 'client-imports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('reads import, export-from, side-effect and dynamic imports, but not type-only ones or comments', () => {
    const code = [
      "import a from './a.ts';", "import { b,\n  c } from '../b.ts';", "export * from './c.ts';", "import './d.css';",
      "const e = await import('./e.ts');", "import type { F } from './f.ts';", "// import g from './g.ts';", "export type { H } from './h.ts';",
    ].join('\n');
    expect(importsOf(code)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.css', './e.ts']);
  });

  it('reads an Astro file\'s frontmatter and scripts (not its JSON data), and a Svelte file\'s scripts', () => {
    const astro = "---\nimport X from './x.astro';\n---\n<p>import nothing from 'here'</p>\n<script>import './y.ts';</script>\n<script type=\"application/json\">{\"import\": \"z\"}</script>";
    expect(importsOf(codeOf('a.astro', astro, 'scripts'))).toEqual(['./y.ts']);
    expect(importsOf(codeOf('a.astro', astro, 'frontmatter+scripts'))).toEqual(['./x.astro', './y.ts']);
  });

  it('names the whole chain when an island reaches server code through other modules, however deep', () => {
    write('src/components/quiz/Island.svelte', "<script lang=\"ts\">\n  import { helper } from './helper.ts';\n</script>\n<p>{helper()}</p>");
    write('src/components/quiz/helper.ts', "import type { Db } from '../../lib/server/db.ts';\nexport { shared } from '../../lib/shared.ts';\nexport const helper = () => 1;");
    write('src/lib/shared.ts', "import { open } from './server/db.ts';\nexport const shared = open;");
    write('src/lib/server/db.ts', "import { DatabaseSync } from 'node:sqlite';\nexport const open = () => new DatabaseSync(':memory:');");
    write('src/pages/index.astro', "---\nimport Base from '../layouts/Base.astro';\n---\n<Base />");
    write('src/layouts/Base.astro', "---\nimport { readFileSync } from 'node:fs';\nimport { keys } from '../lib/keys.ts';\n---\n<html></html>");
    write('src/lib/keys.ts', "import { createHash } from 'crypto';\nexport { signingKey } from './server/keys.ts';");
    write('src/pages/admin.astro', "---\nexport const prerender = false;\nimport { open } from '../lib/server/db.ts';\n---\n<p />");
    write('src/components/Flash.astro', "<p />\n<script>\n  import { cookie } from '../data/server-course.ts';\n</script>");
    expect(offenders(root).sort()).toEqual([
      'src/components/Flash.astro → src/data/server-course.ts',
      'src/components/quiz/Island.svelte → src/components/quiz/helper.ts → src/lib/shared.ts → src/lib/server/db.ts',
      'src/components/quiz/helper.ts → src/lib/shared.ts → src/lib/server/db.ts',
      'src/pages/index.astro → src/layouts/Base.astro → src/lib/keys.ts → src/lib/server/keys.ts',
    ]);
  });
});
