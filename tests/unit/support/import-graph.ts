/**
 * A small import graph over the project's source, for the test that no browser code and no
 * prerendered page reaches server-only code. It follows relative imports only (`./`, `../`), as
 * written (the project imports with extensions); bare specifiers are leaves. Type-only imports are
 * skipped: they are erased before anything runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';

/** Where a file's imports can be: its script blocks (Svelte), its frontmatter and scripts (Astro), or all of it. */
export type Part = 'all' | 'scripts' | 'frontmatter+scripts';

const scriptBlocks = (text: string) =>
  [...text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    // JSON data blocks hold no code.
    .filter(([, attrs]) => !/type=["']application\/(ld\+)?json["']/.test(attrs!))
    .map(([, , body]) => body!);

/** The code of a file that can import: Astro frontmatter runs at build or request time, `<script>` tags in the browser. */
export function codeOf(file: string, text: string, part: Part): string {
  if (part === 'all' || !/\.(astro|svelte)$/.test(file)) return text;
  const scripts = scriptBlocks(text).join('\n');
  if (part === 'scripts') return scripts;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return `${frontmatter}\n${scripts}`;
}

/** Every module specifier a piece of code imports at run time (static, re-exported, side-effect or dynamic). */
export function importsOf(code: string): string[] {
  const found: string[] = [];
  const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const m of withoutComments.matchAll(/\b(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']/g)) {
    if (!m[2]) found.push(m[3]!);
  }
  for (const m of withoutComments.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]!);
  return found;
}

const builtins = new Set(builtinModules);
/** Node's own modules, with or without the `node:` prefix. */
export const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || builtins.has(specifier.split('/')[0]!);

/** The server's own modules: src/lib/server/** and src/data/server-*.ts (the database, keys, sessions). */
export function serverModule(root: string, target: string): boolean {
  const path = relative(root, target).split(sep).join('/');
  return path.startsWith('src/lib/server/') || /^src\/data\/server-[^/]*\.ts$/.test(path);
}

/** What browser code must never import: the server's own modules and Node's. */
export const serverOnly = (root: string, target: string): boolean => isNodeBuiltin(target) || serverModule(root, target);

/**
 * Walks the graph from `entry` (reading only `part` of the entry itself; every module it reaches
 * is a script or component read as the bundler would) and returns the first chain that ends in
 * `forbidden` code, as paths from `root` (`src/a.ts → src/b.ts → node:fs`), or undefined.
 */
export function serverChain(root: string, entry: string, part: Part, forbidden: (root: string, target: string) => boolean = serverOnly): string | undefined {
  const seen = new Set<string>();
  const name = (file: string) => (isNodeBuiltin(file) ? file : relative(root, file).split(sep).join('/'));
  const visit = (file: string, chain: string[], filePart: Part): string[] | undefined => {
    if (seen.has(file)) return undefined;
    seen.add(file);
    if (!/\.(ts|mts|js|mjs|astro|svelte)$/.test(file) || !existsSync(file)) return undefined;
    for (const specifier of importsOf(codeOf(file, readFileSync(file, 'utf8'), filePart))) {
      const target = specifier.startsWith('.') ? join(dirname(file), specifier) : specifier;
      const next = [...chain, name(target)];
      if (forbidden(root, target)) return next;
      if (!specifier.startsWith('.')) continue;
      // An Astro component imported by a prerendered page runs its frontmatter at build time and sends its scripts.
      const found = visit(target, next, target.endsWith('.astro') ? 'frontmatter+scripts' : target.endsWith('.svelte') ? 'scripts' : 'all');
      if (found) return found;
    }
    return undefined;
  };
  return visit(entry, [name(entry)], part)?.join(' → ');
}
