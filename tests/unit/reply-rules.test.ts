/**
 * Drafted replies record the policy rules they break, not only the etiquette checks (content review
 * F17), and the player names those rules by a readable label rather than a bare ID.
 */
import { describe, expect, it } from 'vitest';
import { loadPacks, loadRules, loadScenarios } from '../../src/lib/load.ts';
import { ruleLabels, rulePlace } from '../../src/lib/rule-labels.ts';
import { choicesOf } from '../../src/lib/graphs.ts';
import { projectRoot } from './support/content.ts';
import { SHIPPED_PACKS } from '../support/packs.ts';

describe('the replies F17 named record the substantive breach', () => {
  // Reply 2 of each (index 1): predetermination, a leaked confidence, an exempt report, naming and shaming.
  it.each([
    ['wyre', '03-campaign-asks-you-to-share-a-petition', 'W-4.4'],
    ['wyre', '06-neighbour-asks-about-a-family-you-are-helping', 'W-4.3'],
    ['ashfield', '05-bus-depot-land-sale', 'A-R6'],
    ['ashfield', '10-name-and-shame-neighbour', 'A-R4'],
  ])('%s %s, reply 2, breaks %s', (pack, id, rule) => {
    const scenario = loadScenarios(projectRoot, pack).find((s) => s.id === id)!;
    expect(scenario.data.replies![1]!.rules).toContain(rule);
  });
});

describe.each(SHIPPED_PACKS)('%s replies', (pack) => {
  const rules = loadRules(projectRoot, pack);
  const scenarios = loadScenarios(projectRoot, pack);

  it('give every rule a reply breaks a short title, so feedback reads as words', () => {
    const named = new Set(scenarios.flatMap((s) => choicesOf(s.data).flatMap((r) => r.rules)));
    expect(named.size).toBeGreaterThan(0);
    expect([...named].filter((id) => !rules.find((r) => r.id === id)?.title)).toEqual([]);
  });
});

describe('rule labels', () => {
  const wyre = loadRules(projectRoot, 'wyre');
  const ashfield = loadRules(projectRoot, 'ashfield');
  const at = (rules: typeof wyre, id: string) => rulePlace(rules, rules.findIndex((r) => r.id === id));

  it('place a rule by its section, a bare number taking the words of the section it continues', () => {
    expect(at(wyre, 'W-4.1')).toBe('section 4 Legal');
    expect(at(wyre, 'W-4.4')).toBe('section 4 Legal');
    expect(at(wyre, 'W-6.N6')).toBe("section 6 Don'ts");
    expect(at(ashfield, 'A-R4')).toBe('Responsibilities 4');
    expect(at(ashfield, 'A-P2')).toBe('Principles 2');
    expect(at(ashfield, 'A-FAQ2')).toBe('Examples');
    expect(rulePlace([{ id: 'X-1', section: '3', rule: 'r' }], 0)).toBe('section 3');
  });

  it('give only the IDs asked for, by title or else the rule itself', () => {
    expect(ruleLabels(wyre, ['W-4.4', 'W-3.5'])).toEqual({
      'W-3.5': "Don't disclose confidential information (W-3.5, section 3 Code of Conduct)",
      'W-4.4': 'Bias and predetermination (W-4.4, section 4 Legal)',
    });
    const cwm = loadPacks(`${projectRoot}/tests/fixtures/packs/cwm`)[0]!.rules;
    expect(ruleLabels(cwm, ['CWM-2.1'])).toEqual({ 'CWM-2.1': 'Like or share a post only where the council has an agreed position on it (CWM-2.1, section 2 Likes and shares)' });
  });
});
