/**
 * Run by the progress box only when it is needed: on "Your course" (which tells this browser the
 * learner's route) and for a personal course link. It adopts the route the server chose (a new
 * round starts afresh on this device), restores progress from the member's record, merges it with
 * this browser's, and from then on reports progress back (the server re-scores it).
 */
import { CHANGE_EVENT, mergeProgress, parseProgress, storageKey } from '../../lib/progress.ts';
import { markKey, read, readMark, write, type RouteMark } from './storage.ts';

export async function sync(pack: string, routeSet: RouteMark | undefined, linked: boolean): Promise<void> {
  const key = storageKey(pack);
  const changed = () => dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { pack, source: 'element' } }));
  /** A new round (a refresher against a newer record, or back to induction) starts afresh on this device. */
  const adopt = (mark: RouteMark) => {
    const was = readMark(read(markKey(pack)));
    if ((was?.previous ?? null) !== mark.previous || (was?.kind ?? 'induction') !== mark.kind) {
      write(key, null);
      write(`cc-assessment:${pack}`, null);
    }
    write(markKey(pack), JSON.stringify(mark));
  };
  if (routeSet) adopt(routeSet);
  if (linked) {
    try {
      const held = await (await fetch('/api/progress')).json();
      const mark = readMark(JSON.stringify(held.route));
      if (mark) {
        adopt(mark);
        write(key, JSON.stringify(mergeProgress(parseProgress(read(key), pack), parseProgress(JSON.stringify(held.progress), pack))));
        // Reported half a second after the last change, or at once when the page is left.
        let timer = 0;
        const send = () => {
          clearTimeout(timer);
          timer = 0;
          fetch(`/api/progress?basis=${encodeURIComponent(mark.previous ?? '')}`, {
            method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: read(key) ?? '',
          }).catch(() => {});
        };
        addEventListener(CHANGE_EVENT, () => {
          clearTimeout(timer);
          timer = setTimeout(send, 500) as unknown as number;
        });
        addEventListener('pagehide', () => timer && send());
      }
    } catch {
      // offline, or the link stopped working: progress stays on this device
    }
  }
  changed();
}
