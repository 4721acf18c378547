/**
 * Lighthouse (mobile, its default simulated throttling) on every page type: performance,
 * accessibility, LCP, TBT, CLS and what moved. Pages run one after another in one Chromium (the
 * machine may be shared), each `runs` times; the run Lighthouse calls the median (closest to the
 * median FCP and TTI) is reported, as its docs advise, so one busy moment does not decide a score.
 */
import type { PageType } from './page-types.ts';

export interface PageFigures {
  type: string;
  page: string;
  performance: number;
  accessibility: number;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** The elements Lighthouse saw move, with their share of the shift and its causes. */
  shifted: string[];
}

/** Performance 100 and CLS at most 0.02 (issue 17). */
export const withinBudget = (f: PageFigures): boolean => f.performance >= 100 && (f.cls ?? 0) <= 0.02;

/** The worst page: lowest performance, then highest CLS. */
export const worstOf = (figures: PageFigures[]): PageFigures | undefined =>
  [...figures].sort((a, b) => a.performance - b.performance || (b.cls ?? 0) - (a.cls ?? 0))[0];

type Shift = { node?: { selector?: string }; score?: number; subItems?: { items: { cause?: string }[] } };

export interface LighthouseOptions {
  /** Runs per page; the median run is reported. */
  runs?: number | undefined;
  chromePath?: string | undefined;
  log?: ((line: string) => void) | undefined;
}

export async function lighthouseAll(base: string, pages: PageType[], options: LighthouseOptions = {}): Promise<PageFigures[]> {
  const { runs = 3, chromePath = '/usr/bin/chromium', log = console.log } = options;
  const { default: lighthouse } = await import('lighthouse');
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const figures: PageFigures[] = [];
  try {
    for (const { type, path, cookie } of pages) {
      const lhrs = [];
      for (let i = 0; i < runs; i++) {
        const run = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], ...(cookie ? { extraHeaders: { cookie } } : {}) });
        lhrs.push(run!.lhr);
      }
      const lhr = computeMedianRun(lhrs) ?? lhrs[0]!;
      const items = (lhr.audits['layout-shifts']?.details as { items?: Shift[] } | undefined)?.items ?? [];
      const figure: PageFigures = {
        type, page: path,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? null,
        tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? null,
        cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? null,
        shifted: items.map((i) => `${i.node?.selector ?? '?'} ${(i.score ?? 0).toFixed(3)}${i.subItems ? ` [${i.subItems.items.map((c) => c.cause).join('; ')}]` : ''}`),
      };
      figures.push(figure);
      log(`${type.padEnd(22)} performance ${String(figure.performance).padStart(3)}  accessibility ${String(figure.accessibility).padStart(3)}  LCP ${(figure.lcpMs ?? 0).toFixed(0).padStart(5)} ms  TBT ${(figure.tbtMs ?? 0).toFixed(0).padStart(4)} ms  CLS ${(figure.cls ?? 0).toFixed(3)}  ${path}`);
      if (figure.shifted.length) log(`${''.padEnd(22)} moved: ${figure.shifted.join(', ')}`);
    }
  } finally {
    chrome.kill();
  }
  return figures;
}

/** The bench's summary lines: the budget, the worst page, and every page over it. */
export function summary(figures: PageFigures[]): string[] {
  const worst = worstOf(figures);
  const misses = figures.filter((f) => !withinBudget(f));
  return [
    'Budget: performance 100 and CLS at most 0.02 on every page type.',
    ...(worst ? [`Worst: ${worst.type} (${worst.page}), performance ${worst.performance}, CLS ${(worst.cls ?? 0).toFixed(3)}.`] : []),
    misses.length ? `Over budget: ${misses.map((f) => `${f.type} (${f.page})`).join(', ')}` : 'All within budget.',
  ];
}
