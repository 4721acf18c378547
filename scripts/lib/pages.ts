// The built site as the size script and the tests see it: its pages, and the JavaScript each loads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { moduleClosure, pageScripts } from '../../src/lib/page-weight.ts';

export const client = join(import.meta.dirname, '..', '..', 'dist', 'client');

/** Every prerendered page of a build's client folder, as the address it is served at (`/wyre/lessons/libel/`). */
export function builtPages(base: string = client): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name): string[] => {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) return name === '_astro' ? [] : walk(full);
      if (name !== 'index.html') return [];
      const path = relative(base, dir).split(sep).join('/');
      return [path ? `/${path}/` : '/'];
    });
  return walk(base).sort();
}

const gzip = (text: string): number => gzipSync(text, { level: 9 }).length;

/** JavaScript a page loads, gzip (each file on its own, as sent), and whether it has a quiz (an island or a knowledge check). */
export function pageJavaScript(path: string, base: string = client): { bytes: number; files: string[]; quiz: boolean } {
  const read = (url: string): string => readFileSync(join(base, url), 'utf8');
  const html = read(`${path}index.html`);
  const { inline, modules } = pageScripts(html);
  const files = moduleClosure(modules, read);
  const bytes = inline.reduce((n, s) => n + gzip(s), 0) + files.reduce((n, f) => n + gzip(read(f)), 0);
  return { bytes, files, quiz: /\bdata-(island|quiz)=/.test(html) };
}

/** The budgets in design.md: 20 KB gzip on pages with a quiz, 3 KB on the rest. */
export const budgetFor = (quiz: boolean): number => (quiz ? 20 : 3) * 1024;
