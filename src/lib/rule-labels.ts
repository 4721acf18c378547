/**
 * Readable names for a pack's rules, for feedback that says which rules a reply breaks: the rule's
 * title (or, without one, the rule itself), its ID and where in the policy it comes from.
 */

export interface LabelledRule {
  id: string;
  section: string;
  rule: string;
  title?: string | undefined;
}

/**
 * Where a rule sits, in words. rules.yaml names a section once and then gives only its number
 * ("4 Legal", then "4"; "Responsibilities 1", then "2"), so a bare number takes the words of the
 * last named section before it.
 */
export function rulePlace(rules: readonly LabelledRule[], index: number): string {
  const section = rules[index]!.section;
  if (!/^\d+$/.test(section)) return /^\d/.test(section) ? `section ${section}` : section;
  const named = rules.slice(0, index).findLast((r) => !/^\d+$/.test(r.section))?.section;
  if (named === undefined) return `section ${section}`;
  return /^\d/.test(named) ? `section ${named.replace(/^\d+/, section)}` : named.replace(/\d+$/, section);
}

/** Labels by rule ID, for the IDs asked only: `Bias and predetermination (W-4.4, section 4 Legal)`. */
export function ruleLabels(rules: readonly LabelledRule[], ids: Iterable<string>): Record<string, string> {
  const wanted = new Set(ids);
  return Object.fromEntries(rules.flatMap((r, i) => wanted.has(r.id)
    ? [[r.id, `${r.title ?? r.rule} (${r.id}, ${rulePlace(rules, i)})`]]
    : []));
}
