/** Which questions members get wrong: first answers only, worst first, and fast on big inputs. */
import { describe, expect, it } from 'vitest';
import { itemStats, type AnswerEvent } from '../../src/lib/analytics.ts';

const ev = (member: string | number, item: string, correct: boolean, at: string, kind = 'check'): AnswerEvent => ({
  member,
  item,
  kind,
  correct,
  at,
});

describe('itemStats', () => {
  it('returns nothing for no events', () => {
    expect(itemStats([])).toEqual([]);
  });

  it('counts the first answer even when a later one is right', () => {
    const stats = itemStats([ev(1, 'q1', false, '2026-05-01T10:00:00Z'), ev(1, 'q1', true, '2026-05-01T10:05:00Z')]);
    expect(stats).toEqual([{ item: 'q1', kind: 'check', members: 1, wrongFirstTime: 1, wrongShare: 1 }]);
  });

  it('goes by the earliest time, not input order', () => {
    const stats = itemStats([ev(1, 'q1', true, '2026-05-02T10:00:00Z'), ev(1, 'q1', false, '2026-05-01T10:00:00Z')]);
    expect(stats[0]?.wrongFirstTime).toBe(1);
  });

  it('keeps input order when times tie', () => {
    const at = '2026-05-01T10:00:00Z';
    expect(itemStats([ev(1, 'q1', true, at), ev(1, 'q1', false, at)])[0]?.wrongFirstTime).toBe(0);
    expect(itemStats([ev(1, 'q1', false, at), ev(1, 'q1', true, at)])[0]?.wrongFirstTime).toBe(1);
  });

  it('counts a second member separately', () => {
    const stats = itemStats([
      ev('a', 'q1', false, '2026-05-01T10:00:00Z'),
      ev('a', 'q1', true, '2026-05-01T10:01:00Z'),
      ev('b', 'q1', true, '2026-05-01T11:00:00Z'),
    ]);
    expect(stats).toEqual([{ item: 'q1', kind: 'check', members: 2, wrongFirstTime: 1, wrongShare: 0.5 }]);
  });

  it('keeps the same item id under different kinds apart', () => {
    const stats = itemStats([ev(1, 'n1', false, '2026-05-01T10:00:00Z', 'flowchart'), ev(1, 'n1', true, '2026-05-01T10:00:00Z', 'check')]);
    expect(stats.map((s) => [s.kind, s.item, s.wrongFirstTime])).toEqual([
      ['flowchart', 'n1', 1],
      ['check', 'n1', 0],
    ]);
  });

  it('sorts by wrong share, then members, then kind and item', () => {
    const t = '2026-05-01T10:00:00Z';
    const stats = itemStats([
      // all right: last
      ev(1, 'easy', true, t, 'assessment'),
      // half wrong, two members
      ev(1, 'half2', false, t, 'check'),
      ev(2, 'half2', true, t, 'check'),
      // half wrong, four members: before half2
      ev(1, 'half4', false, t, 'check'),
      ev(2, 'half4', false, t, 'check'),
      ev(3, 'half4', true, t, 'check'),
      ev(4, 'half4', true, t, 'check'),
      // all wrong, one member each: kind, then item alphabetically
      ev(1, 'zeta', false, t, 'check'),
      ev(1, 'beta', false, t, 'flowchart'),
      ev(1, 'alpha', false, t, 'flowchart'),
      ev(1, 'omega', false, t, 'assessment'),
    ]);
    expect(stats.map((s) => `${s.kind}/${s.item}`)).toEqual([
      'assessment/omega',
      'check/zeta',
      'flowchart/alpha',
      'flowchart/beta',
      'check/half4',
      'check/half2',
      'assessment/easy',
    ]);
    expect(stats.find((s) => s.item === 'half4')).toMatchObject({ members: 4, wrongFirstTime: 2, wrongShare: 0.5 });
  });

  it('handles 200,000 events (timing is for npm run bench, not a test)', () => {
    const kinds = ['flowchart', 'check', 'assessment'];
    const start = Date.UTC(2026, 0, 1);
    const events: AnswerEvent[] = [];
    for (let i = 0; i < 200_000; i++) {
      events.push({
        member: i % 2_000,
        item: `q${(i * 7) % 150}`,
        kind: kinds[i % 3] ?? 'check',
        correct: i % 5 !== 0,
        at: new Date(start + ((i * 7_919) % 10_000_000) * 1000).toISOString(),
      });
    }
    const stats = itemStats(events);
    expect(stats.reduce((n, s) => n + s.members, 0)).toBeLessThanOrEqual(200_000);
    expect(stats.length).toBeGreaterThan(0);
    for (const s of stats) {
      expect(s.wrongShare).toBeGreaterThanOrEqual(0);
      expect(s.wrongShare).toBeLessThanOrEqual(1);
    }
  });
});
