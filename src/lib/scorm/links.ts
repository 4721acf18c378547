/**
 * Makes a built page's links relative, so a SCORM package works from whatever folder an LMS unpacks
 * it into: root-absolute `href`, `src`, `action` and `data-src` values become paths relative to the
 * page, folder links gain `index.html`, and the on-demand pages of the web build map to the
 * package's own (the home page to the course overview, the assessment and sign-off to the SCORM
 * pages). Links out of the package open in a new window, saying so (inside the LMS's frame they
 * would replace the course, and many sites refuse to be framed). Returns the targets that are not
 * in the package, so the build can refuse broken links.
 */

const NEW_WINDOW = '(opens in a new window)';

/** `target="_blank"`, `rel` with noopener, and a visible "(opens in a new window)" on every http(s) link. */
export function externalLinksInNewWindow(html: string): string {
  return html.replace(/<a\b([^>]*?)\shref="(https?:\/\/[^"]*)"([^>]*)>([\s\S]*?)<\/a>/g, (_m, before: string, href: string, after: string, text: string) => {
    const rel = new Set<string>();
    const rest = `${before}${after}`
      .replace(/\s+target="[^"]*"/g, '')
      .replace(/\s+rel="([^"]*)"/g, (_r, value: string) => (value.split(/\s+/).filter(Boolean).forEach((r) => rel.add(r)), ''));
    rel.add('noopener');
    const label = text.includes(NEW_WINDOW) ? text : `${text} ${NEW_WINDOW}`;
    return `<a${rest} href="${href}" target="_blank" rel="${[...rel].join(' ')}">${label}</a>`;
  });
}

export function rewriteLinks(html: string, file: string, pack: string, exists: (path: string) => boolean): { html: string; missing: string[] } {
  const missing: string[] = [];
  const depth = file.split('/').length - 1;
  const up = depth === 0 ? './' : '../'.repeat(depth);
  const mapped = (path: string): string => {
    // The home page and "Your course" (the web build's routes for members) open the course overview.
    if (path === '/' || path === '/index.html' || path === `/${pack}/me/`) return `/${pack}/`;
    if (path === `/${pack}/assessment/`) return `/scorm/${pack}/assessment/`;
    if (path === '/sign-off/' || path.startsWith('/sign-off/?')) return `/scorm/${pack}/declaration/`;
    return path;
  };
  const out = html.replace(/\b(href|src|action|data-src)="(\/(?!\/)[^"#?]*)([?#][^"]*)?"/g, (_m, attr: string, path: string, rest = '') => {
    const target = mapped(path + (path.startsWith('/sign-off/') ? rest : ''));
    const keepRest = target === path ? rest : '';
    let relativePath = target.slice(1);
    if (relativePath === '' || relativePath.endsWith('/')) relativePath += 'index.html';
    if (!exists(relativePath)) missing.push(relativePath);
    return `${attr}="${up}${relativePath}${keepRest}"`;
  });
  return { html: externalLinksInNewWindow(out), missing };
}
