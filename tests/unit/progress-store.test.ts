/**
 * The progress store the islands share, in a stand-in browser (localStorage and window events):
 * changes are stored in the shape `src/lib/progress.ts` makes, watchers hear them, and changes made
 * elsewhere (the progress element, another tab) are read back.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANGE_EVENT, storageKey, type Progress } from '../../src/lib/progress.ts';
import { decide } from '../../src/lib/progress-changes.ts';

let storage: Map<string, string>;
let events: EventTarget;

beforeEach(() => {
  vi.resetModules();
  storage = new Map();
  events = new EventTarget();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
  });
  vi.stubGlobal('addEventListener', events.addEventListener.bind(events));
  vi.stubGlobal('dispatchEvent', events.dispatchEvent.bind(events));
});
afterEach(() => vi.unstubAllGlobals());

const store = () => import('../../src/stores/progress.ts');
const decision = { node: 'q-unlawful', answer: 'no', correct: true } as const;

describe('progress store', () => {
  it('stores each change as lib/progress.ts shapes it, tells watchers and announces it', async () => {
    const { updateProgress, watchProgress } = await store();
    const seen: Progress[] = [];
    const announced: unknown[] = [];
    addEventListener(CHANGE_EVENT, (e) => announced.push((e as CustomEvent).detail));
    const stop = watchProgress('wyre', (p) => seen.push(p));
    updateProgress('wyre', (p) => decide(p, '01-thanks', decision, 5, true));
    expect(JSON.parse(storage.get(storageKey('wyre'))!).scenarios['01-thanks']).toEqual({ answers: [decision], done: false });
    expect(seen.map((p) => Object.keys(p.scenarios))).toEqual([[], ['01-thanks']]);
    expect(announced).toEqual([{ pack: 'wyre', source: 'store' }]);
    stop();
    updateProgress('wyre', (p) => decide(p, '01-thanks', { ...decision, node: 'q-decision' }, 5, true));
    expect(seen).toHaveLength(2);
  });

  it('starts from what is stored, and re-reads it when the progress element or another tab changes it', async () => {
    storage.set(storageKey('wyre'), JSON.stringify(decide({ v: 1, pack: 'wyre', lessons: [], checks: {}, scenarios: {} }, 's', decision, 1, false)));
    const { watchProgress } = await store();
    let latest: Progress | undefined;
    watchProgress('wyre', (p) => (latest = p));
    expect(latest!.scenarios.s!.done).toBe(true);
    storage.delete(storageKey('wyre'));
    dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { pack: 'wyre', source: 'element' } }));
    expect(latest!.scenarios).toEqual({});
    storage.set(storageKey('wyre'), JSON.stringify({ v: 1, pack: 'wyre', lessons: ['wyre/modules/01-purpose'], checks: {}, scenarios: {} }));
    dispatchEvent(Object.assign(new Event('storage'), { key: storageKey('wyre') }));
    expect(latest!.lessons).toEqual(['wyre/modules/01-purpose']);
  });

  it('keeps working, for the page, when storage is blocked', async () => {
    vi.stubGlobal('localStorage', { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); } });
    const { updateProgress, watchProgress } = await store();
    let latest: Progress | undefined;
    watchProgress('wyre', (p) => (latest = p));
    updateProgress('wyre', (p) => decide(p, 's', decision, 2, false));
    expect(latest!.scenarios.s!.answers).toEqual([decision]);
  });
});
