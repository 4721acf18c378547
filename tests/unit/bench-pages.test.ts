import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPageTypes } from '../../scripts/bench/page-types.ts';
import { summary, withinBudget, worstOf, type PageFigures } from '../../scripts/bench/lighthouse.ts';

const figure = (type: string, performance: number, cls: number): PageFigures =>
  ({ type, page: `/${type}/`, performance, accessibility: 100, lcpMs: 900, tbtMs: 0, cls, shifted: [] });

describe('the bench\'s Lighthouse summary', () => {
  it('holds every page type to performance 100 and CLS 0.02, and names the worst', () => {
    const figures = [figure('home', 100, 0), figure('sign-off', 100, 0.31), figure('contents', 97, 0), figure('privacy', 100, 0.02)];
    expect(figures.map(withinBudget)).toEqual([true, false, false, true]);
    expect(worstOf(figures)?.type).toBe('contents');
    expect(worstOf([figure('a', 100, 0.01), figure('b', 100, 0.05)])?.type).toBe('b');
    expect(summary(figures)).toEqual([
      'Budget: performance 100 and CLS at most 0.02 on every page type.',
      'Worst: contents (/contents/), performance 97, CLS 0.000.',
      'Over budget: sign-off (/sign-off/), contents (/contents/)',
    ]);
    expect(summary([figure('home', 100, 0)]).at(-1)).toBe('All within budget.');
  });
});

describe('builtPageTypes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (path: string, html: string) => {
    mkdirSync(join(dir, path), { recursive: true });
    writeFileSync(join(dir, path, 'index.html'), html);
  };

  it('takes one page of each built type, and of the lessons the heaviest with a check', () => {
    for (const path of ['', 'wyre', 'wyre/contents', 'wyre/flowchart', 'wyre/scenarios', 'wyre/scenarios/first-one', 'ashfield/examples/an-example']) page(path, '<p>page</p>');
    page('wyre/lessons/short', '<div data-quiz="check">a</div>');
    page('wyre/lessons/long', `<div data-quiz="check">${'words '.repeat(500)}</div>`);
    page('wyre/lessons/longest-without-check', `<p>${'words '.repeat(2000)}</p>`);
    expect(builtPageTypes(dir).map((p) => [p.type, p.path])).toEqual([
      ['home', '/'], ['course page', '/wyre/'], ['contents', '/wyre/contents/'], ['flowchart', '/wyre/flowchart/'],
      ['lesson with its check', '/wyre/lessons/long/'], ['example', '/ashfield/examples/an-example/'],
      ['scenario', '/wyre/scenarios/first-one/'], ['scenario list', '/wyre/scenarios/'],
    ]);
  });
});
