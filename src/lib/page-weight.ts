/**
 * What JavaScript a built page makes the browser fetch: inline scripts, module scripts, island
 * components and renderers, and every module they import (static or dynamic), each counted once.
 */

export interface PageScripts {
  /** Bodies of inline scripts. */
  inline: string[];
  /** Site-absolute URLs of external scripts and island modules. */
  modules: string[];
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The scripts and island modules a page's HTML refers to. */
export function pageScripts(html: string): PageScripts {
  const inline: string[] = [];
  const modules = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = attr(match[1]!, 'src');
    if (src) modules.add(src);
    else if (!/type="application\/(ld\+)?json"/.test(match[1]!)) inline.push(match[2]!);
  }
  for (const match of html.matchAll(/<astro-island\b[^>]*>/g)) {
    for (const name of ['component-url', 'renderer-url']) {
      const url = attr(match[0], name);
      if (url) modules.add(url);
    }
  }
  return { inline, modules: [...modules] };
}

/** Resolves `./x.js` or `/x.js` against a module URL. */
function resolve(from: string, specifier: string): string {
  return new URL(specifier, `http://site${from}`).pathname;
}

/** Every module reachable from `entries` through imports, given a reader of built files by URL. */
export function moduleClosure(entries: readonly string[], read: (url: string) => string): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = read(url);
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.js)["'`]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolve(url, spec));
    }
  }
  return [...seen].sort();
}
