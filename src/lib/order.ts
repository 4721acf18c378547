/**
 * Ordering by folder prefix: `03-code-of-conduct` sorts third and has the slug
 * `code-of-conduct`. Order and neighbours are always computed, never typed.
 */

const PREFIX = /^(\d+)-/;

/** Strips a leading `NN-` order prefix from one path segment. */
export function stripOrderPrefix(segment: string): string {
  return segment.replace(PREFIX, '');
}

/** The numeric order of a segment (`07-bias` → 7), or Infinity when it has no prefix. */
export function orderOf(segment: string): number {
  const match = PREFIX.exec(segment);
  return match ? Number(match[1]) : Number.POSITIVE_INFINITY;
}

/** Sorts items by the order prefix of a key, then alphabetically, without mutating the input. */
export function byOrderPrefix<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return orderOf(ka) - orderOf(kb) || ka.localeCompare(kb);
  });
}

export interface Neighbours<T> {
  previous: T | undefined;
  next: T | undefined;
}

/** Previous and next items of an ordered list, for lesson navigation. */
export function neighbours<T>(ordered: readonly T[], index: number): Neighbours<T> {
  return { previous: index > 0 ? ordered[index - 1] : undefined, next: ordered[index + 1] };
}

/**
 * A fixed shuffle of `0..length-1` for a seed string (FNV-1a then a small LCG), so drafted replies
 * appear in a mixed but stable order: the same on the server and in every browser.
 */
export function stableShuffle(length: number, seed: string): number[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
    const j = h % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
