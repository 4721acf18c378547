/**
 * `COURSE_PACKS=wyre,ashfield`: the packs this server serves, when it serves only some of the packs it
 * was built with (one council's site from a build of several). Unset or empty: every pack. Pure.
 */

/** The packs named, or undefined for every pack. */
export function servedPacks(value: string | undefined = process.env.COURSE_PACKS): ReadonlySet<string> | undefined {
  const ids = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return ids.length > 0 ? new Set(ids) : undefined;
}

export const isServed = (pack: string, served: ReadonlySet<string> | undefined = servedPacks()): boolean => !served || served.has(pack);

/** Names in COURSE_PACKS that are not packs of the build, for a clear message at start-up. */
export function unknownServed(built: readonly string[], served: ReadonlySet<string> | undefined = servedPacks()): string[] {
  return served ? [...served].filter((id) => !built.includes(id)) : [];
}

/**
 * The pack a site address belongs to, if any: `/<pack>/…` or `/scorm/<pack>/…`. Only IDs in `built`
 * count, so other top-level addresses (`/admin/`, `/_astro/…`) belong to no pack.
 */
export function packOfPath(path: string, built: ReadonlySet<string>): string | undefined {
  const [first, second] = path.split('?')[0]!.split('/').filter(Boolean);
  if (first && built.has(first)) return first;
  if (first === 'scorm' && second && built.has(second)) return second;
  return undefined;
}
