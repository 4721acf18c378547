/** localStorage that never throws: blocked or full storage means progress is simply not kept on this device. */
export function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // storage blocked or full
  }
}

/** Which route this browser's learner is on, as the server last said (personal link or record ID). */
export interface RouteMark {
  kind: 'induction' | 'refresher';
  previous: string | null;
  lessons: string[];
}

export const markKey = (pack: string): string => `cc-route:${pack}`;

export function readMark(raw: string | null | undefined): RouteMark | undefined {
  try {
    const m = JSON.parse(raw ?? 'null');
    return m && (m.kind === 'induction' || m.kind === 'refresher') && (m.previous === null || typeof m.previous === 'string') &&
      Array.isArray(m.lessons) && m.lessons.every((l: unknown) => typeof l === 'string') ? m : undefined;
  } catch {
    return undefined;
  }
}
