/**
 * The learner's progress per pack as a nanostore kept in localStorage. A thin wrapper over
 * `src/lib/progress.ts`: every change goes through its pure functions and is announced with a
 * `cc-progress-change` event so the light progress element on the page updates too.
 */
import { persistentAtom } from '@nanostores/persistent';
import type { WritableAtom } from 'nanostores';
import { CHANGE_EVENT, emptyProgress, parseProgress, storageKey, type ChangeDetail, type Progress } from '../lib/progress.ts';

const stores = new Map<string, WritableAtom<Progress>>();

/** The one store for a pack, shared by every island on the page. */
export function progressOf(pack: string): WritableAtom<Progress> {
  let store = stores.get(pack);
  if (!store) {
    const created = persistentAtom<Progress>(storageKey(pack), emptyProgress(pack), {
      encode: JSON.stringify,
      decode: (raw) => parseProgress(raw, pack),
    });
    // The progress element writes storage directly (a lesson visit, "start again"): reload then.
    if (typeof window !== 'undefined') {
      window.addEventListener(CHANGE_EVENT, (event) => {
        const detail = (event as CustomEvent<ChangeDetail>).detail;
        if (detail?.pack === pack && detail.source === 'element') {
          created.set(parseProgress(window.localStorage.getItem(storageKey(pack)), pack));
        }
      });
    }
    stores.set(pack, created);
    store = created;
  }
  return store;
}

/** Applies a change to a pack's progress and tells the page. */
export function updateProgress(pack: string, change: (p: Progress) => Progress): void {
  const store = progressOf(pack);
  store.set(change(store.get()));
  window.dispatchEvent(new CustomEvent<ChangeDetail>(CHANGE_EVENT, { detail: { pack, source: 'store' } }));
}

/** Calls `listen` with the pack's progress now and on every change; returns the unsubscribe. */
export function watchProgress(pack: string, listen: (p: Progress) => void): () => void {
  return progressOf(pack).subscribe(listen);
}
