import { describe, expect, it } from 'vitest';
import { rewriteLinks } from '../../src/lib/scorm/links.ts';

const inPackage = new Set(['wyre/index.html', 'wyre/lessons/libel/index.html', '_astro/a.css', '_astro/b.js', 'scorm/wyre/assessment/index.html', 'scorm/wyre/declaration/index.html']);
const exists = (p: string) => inPackage.has(p);

describe('relative links for a SCORM package', () => {
  it('makes root-absolute links relative to the page, adding index.html to folders', () => {
    const html = '<link href="/_astro/a.css"><script src="/_astro/b.js"></script><a href="/wyre/lessons/libel/">x</a><a href="#main">skip</a><a href="https://example.org/">out</a>';
    const { html: out, missing } = rewriteLinks(html, 'wyre/lessons/libel/index.html', 'wyre', exists);
    expect(out).toBe('<link href="../../../_astro/a.css"><script src="../../../_astro/b.js"></script><a href="../../../wyre/lessons/libel/index.html">x</a><a href="#main">skip</a><a href="https://example.org/" target="_blank" rel="noopener">out (opens in a new window)</a>');
    expect(missing).toEqual([]);
  });

  it('opens links out of the package in a new window, saying so, keeping their other attributes', () => {
    const html = '<a href="https://creativecommons.org/licenses/by-nc-sa/3.0/" rel="license" target="_self">Creative Commons\n licence</a> <a class="x" href="https://example.org/">out (opens in a new window)</a> <a href="/wyre/">in</a>';
    const { html: out } = rewriteLinks(html, 'wyre/index.html', 'wyre', exists);
    expect(out).toBe('<a href="https://creativecommons.org/licenses/by-nc-sa/3.0/" target="_blank" rel="license noopener">Creative Commons\n licence (opens in a new window)</a> <a class="x" href="https://example.org/" target="_blank" rel="noopener">out (opens in a new window)</a> <a href="../wyre/index.html">in</a>');
  });

  it("maps the web build's home, assessment and sign-off to the package's own pages", () => {
    const html = '<a href="/">home</a><a href="/wyre/assessment/">a</a><a href="/sign-off/?pack=wyre">s</a><iframe data-src="/wyre/"></iframe>';
    const { html: out, missing } = rewriteLinks(html, 'scorm/wyre/index.html', 'wyre', exists);
    expect(out).toBe('<a href="../../wyre/index.html">home</a><a href="../../scorm/wyre/assessment/index.html">a</a><a href="../../scorm/wyre/declaration/index.html">s</a><iframe data-src="../../wyre/index.html"></iframe>');
    expect(missing).toEqual([]);
  });

  it('reports links to pages that are not in the package', () => {
    const { missing } = rewriteLinks('<a href="/ashfield/">other</a><a href="/verify/">v</a>', 'wyre/index.html', 'wyre', exists);
    expect(missing).toEqual(['ashfield/index.html', 'verify/index.html']);
  });
});
