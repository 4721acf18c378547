/**
 * Ashfield's course borrows the shared "should I respond?" tool (Wyre's guidance, CC BY-NC-SA 3.0),
 * so it must say so: a lesson introduces it as borrowed before the worked examples, every scenario
 * step credits the tool rather than passing it off as Ashfield policy, and the assessment's decision
 * questions rest on Ashfield's own rules, not on the tool's wording (content review F2).
 */
import { describe, expect, it } from 'vitest';
import { loadAssessment, loadFlowchart, loadPacks, loadScenarios } from '../../src/lib/load.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { lessonFiles, root } from './support/content.ts';

const graph = loadFlowchart(root);
const ashfield = loadPacks(root).find((p) => p.pack.id === 'ashfield')!;
const TOOL = "Course tool (adapted from Wyre's guidance)";

describe('Ashfield and the borrowed decision tool', () => {
  it('has a lesson, before the worked examples, that credits the tool to Wyre and says it is not Ashfield policy', () => {
    const lessons = lessonFiles().filter((l) => l.pack === 'ashfield');
    const lesson = lessons.find((l) => /not in ashfield's policy/i.test(LessonSchema.parse(l.data).source));
    expect(lesson?.id).toMatch(/^ashfield\/modules\//);
    expect(lesson!.body).toMatch(/not part of Ashfield's policy/);
    expect(lesson!.body).toMatch(/Wyre Council's 2017/);
    expect(lesson!.body).toMatch(/Michael Gross/);
    expect(lesson!.body).toMatch(/CC BY-NC-SA 3\.0/);
  });

  it('credits the tool in the source of every scenario step, and cites Ashfield only by a named part', () => {
    const steps = loadScenarios(root, 'ashfield', graph).flatMap((s) => s.data.path.map((p) => ({ at: `${s.id}#${p.node}`, source: p.source })));
    const wrong = steps.filter(({ source }) => !source.startsWith(TOOL) ||
      !/; (not in Ashfield's policy|Ashfield policy, (example|responsibility|principle|purpose|Conduct))/.test(source));
    expect(wrong).toEqual([]);
  });

  it('asks no decision question in the tool\'s own words, and explains each from Ashfield\'s policy', () => {
    const bank = loadAssessment(root, ashfield, graph).filter((q) => q.kind === 'decision');
    const opening = (id: string) => {
      const node = graph.byId.get(id);
      return node && 'question' in node ? node.question.split(/\s+/).slice(0, 4).join(' ').toLowerCase() : undefined;
    };
    const inToolWords = bank.filter((q) => { const o = opening(q.node!); return o && q.prompt.toLowerCase().includes(o); }).map((q) => q.id);
    expect(inToolWords).toEqual([]);
    expect(bank.filter((q) => !/\(Ashfield policy, /.test(q.explanation)).map((q) => q.id)).toEqual([]);
  });
});
