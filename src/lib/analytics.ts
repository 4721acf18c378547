/**
 * Which questions members get wrong, for the Monitoring Officer's dashboard: for each question
 * (flowchart step, lesson check or assessment item), how many members answered it and what
 * share got it wrong the first time. Only a member's first answer counts, so practising until
 * right does not hide a question that misleads people. Pure, and one pass over the events.
 */

export interface AnswerEvent {
  member: string | number;
  item: string;
  /** e.g. 'flowchart', 'check', 'assessment' */
  kind: string;
  correct: boolean;
  at: string /* ISO */;
}

export interface ItemStats {
  item: string;
  kind: string;
  members: number;
  /** members whose FIRST answer (earliest `at`) to the item was wrong */
  wrongFirstTime: number;
  /** wrongFirstTime / members, 0..1 */
  wrongShare: number;
}

interface FirstAnswer {
  at: number;
  correct: boolean;
}

interface Group {
  kind: string;
  item: string;
  firsts: Map<string | number, FirstAnswer>;
}

/** Per-item first-time-wrong figures, worst first. Questions nobody answered do not appear. */
export function itemStats(events: readonly AnswerEvent[]): ItemStats[] {
  const byKind = new Map<string, Map<string, Group>>();
  const groups: Group[] = [];
  for (const event of events) {
    let byItem = byKind.get(event.kind);
    if (!byItem) byKind.set(event.kind, (byItem = new Map()));
    let group = byItem.get(event.item);
    if (!group) {
      group = { kind: event.kind, item: event.item, firsts: new Map() };
      byItem.set(event.item, group);
      groups.push(group);
    }
    const at = Date.parse(event.at);
    const first = group.firsts.get(event.member);
    // Only a strictly earlier answer replaces the one held, so ties keep input order;
    // an answer whose time cannot be read gives way to one whose time can.
    if (!first) group.firsts.set(event.member, { at, correct: event.correct });
    else if (at < first.at || (Number.isNaN(first.at) && !Number.isNaN(at))) {
      first.at = at;
      first.correct = event.correct;
    }
  }

  const stats: ItemStats[] = [];
  for (const { kind, item, firsts } of groups) {
    let wrong = 0;
    for (const answer of firsts.values()) if (!answer.correct) wrong++;
    stats.push({ item, kind, members: firsts.size, wrongFirstTime: wrong, wrongShare: wrong / firsts.size });
  }
  return stats.sort(
    (a, b) =>
      b.wrongShare - a.wrongShare ||
      b.members - a.members ||
      compare(a.kind, b.kind) ||
      compare(a.item, b.item),
  );
}

/** Plain code-point order, so the result does not depend on the machine's locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The item a flowchart decision is counted under. Decisions are stored per scenario
 * (`<scenario>#<node>`) and counted per node: a member's first answer at a node, in whichever scenario
 * they met it first. Node IDs repeat across graphs, so a node of a pack's own graph is counted as
 * `<pack>/<graph>:<node>`; the shared graph's nodes keep their bare IDs, as before packs had graphs.
 * `graphOf` gives a scenario's graph key (absent for the shared graph).
 */
export function decisionItem(stored: string, pack: string, graphOf: (pack: string, scenario: string) => string | undefined): string {
  const at = stored.lastIndexOf('#');
  if (at < 0) return stored;
  const node = stored.slice(at + 1);
  const graph = graphOf(pack, stored.slice(0, at));
  return graph === undefined ? node : `${pack}/${graph}:${node}`;
}

/** Splits a decision item back into its pack, graph key (absent: the shared graph) and node. */
export function parseDecisionItem(item: string): { pack?: string; graph?: string; node: string } {
  const match = /^([^/]+)\/([^:]+):(.+)$/.exec(item);
  return match ? { pack: match[1]!, graph: match[2]!, node: match[3]! } : { node: item };
}
