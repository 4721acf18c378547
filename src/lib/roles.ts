/**
 * Who the pages name: the officer who keeps the register, who members escalate threats to, and the
 * council's word for its members, all from the pack. Nothing here assumes a Monitoring Officer:
 * pages not tied to one pack use wording that fits every pack served.
 */

/** What a pack's pages need to name people; built from pack.yaml by `packWording`. */
export interface Wording {
  /** The officer's role title: "Monitoring Officer", "Clerk", "Proper Officer". */
  officer: string;
  /** Who members also tell about threats or harassment ("your group leader"); absent when nobody. */
  escalation?: string | undefined;
  /** The council's word for its members: "councillors". */
  members: string;
}

/** The role words a page may name only when its pack has them (checked over the built site). */
export const KNOWN_ROLES = ['Monitoring Officer', 'Clerk', 'Proper Officer', 'group leader', 'party whip'] as const;

/** A pack's wording, from its `monitoringOfficer` and `wording` fields. */
export function packWording(pack: { monitoringOfficer: { role: string }; wording: { escalateTo?: string | undefined; members: string } }): Wording {
  return { officer: pack.monitoringOfficer.role, escalation: pack.wording.escalateTo, members: pack.wording.members };
}

/** "a", "a or b", "a, b or c". */
function either(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * The officer for a page that serves several packs: the one role when every pack agrees, otherwise
 * each different role ("Monitoring Officer or Clerk"); "officer" when no pack is served. Read as
 * "your {officer}".
 */
export function neutralOfficer(packs: readonly { monitoringOfficer: { role: string } }[]): string {
  const roles = [...new Set(packs.map((p) => p.monitoringOfficer.role))].sort();
  return roles.length === 0 ? 'council officer' : either(roles);
}

/** Wording for pages not tied to one pack: the neutral officer, escalation only when every pack has the same, "councillors" unless all agree otherwise. */
export function siteWording(packs: readonly Parameters<typeof packWording>[0][]): Wording {
  const all = packs.map(packWording);
  const same = <K extends keyof Wording>(key: K, fallback: Wording[K]): Wording[K] =>
    all.length > 0 && all.every((w) => w[key] === all[0]![key]) ? all[0]![key] : fallback;
  return { officer: neutralOfficer(packs), escalation: same('escalation', undefined), members: same('members', 'councillors') };
}

const PLACEHOLDER = /\{(officer|Officer|escalation|Escalation|members|Members)\}/g;

/**
 * Fills a text's placeholders from a pack's wording, for text shared between packs (the shared
 * decision graph, server messages):
 * - `{officer}`, `{escalation}`, `{members}` become the pack's words; a capital first letter
 *   (`{Escalation}`) capitalises the word put in;
 * - `[[ … ]]` marks an optional part, dropped when it names something the pack does not have
 *   ("Report it to the {officer}[[ (and {escalation} for threats)]].").
 * Pure: the same text and wording give the same result.
 */
export function fillWording(text: string, wording: Wording): string {
  const value = (name: string): string | undefined => {
    const key = name.toLowerCase() as 'officer' | 'escalation' | 'members';
    const word = wording[key];
    return word && name[0] !== name[0]!.toLowerCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
  };
  return text
    .replace(/\[\[([\s\S]*?)\]\]/g, (_, part: string) =>
      [...part.matchAll(PLACEHOLDER)].every((m) => value(m[1]!) !== undefined) ? part : '')
    .replace(PLACEHOLDER, (whole, name: string) => value(name) ?? whole);
}
