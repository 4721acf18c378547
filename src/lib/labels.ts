/**
 * Readable names for what the database stores by ID, for the Monitoring Officer's pages and exports:
 * a question's text (shortened for tables), a lesson's or scenario's title, a flowchart step's
 * question, a course's council name. Built once from the loaded packs; pure lookups. An ID nobody
 * knows (content since removed) reads as "(removed) <id>", so it is never shown as if it were a label.
 */
import { parseDecisionItem } from './analytics.ts';

export interface LabelQuestion {
  id: string;
  prompt: string;
  options: readonly { text: string }[];
}

export interface LabelPack {
  id: string;
  council: string;
  shortName: string;
  lessons: readonly { id: string; href: string; title: string }[];
  scenarios: readonly { id: string; title: string; href: string; graph?: string | undefined; replies?: readonly { text: string }[] | undefined; actions?: readonly { text: string }[] | undefined }[];
  /** Knowledge-check questions by lesson ID. */
  checks: Readonly<Record<string, readonly LabelQuestion[]>>;
  /** The pack's graphs; `shared` marks the shared graph (its nodes are stored by bare ID). */
  graphs: readonly { id: string; shared: boolean; title: string; byId: ReadonlyMap<string, { kind: string; question?: string }> }[];
  /** The final-assessment bank. */
  assessment: readonly LabelQuestion[];
}

export interface ItemLabel {
  /** What to show: a title, or a question's text shortened. */
  text: string;
  /** Where to read it in full, for an officer. */
  href?: string | undefined;
}

export interface QuestionFound {
  pack: LabelPack;
  question: LabelQuestion;
  /** The lesson whose knowledge check asks it; undefined for an assessment question. */
  lesson?: { id: string; href: string; title: string } | undefined;
}

export const KIND_NAMES: Record<string, string> = {
  lesson: 'Lesson', check: 'Knowledge check', flowchart: 'Flowchart step', reply: 'Drafted reply', assessment: 'Final assessment',
};

/** Text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The officer's page for a question (its text, options and answer), never shown to learners. */
export const questionHref = (pack: string, id: string): string => `/admin/questions/${encodeURIComponent(pack)}/${encodeURIComponent(id)}/`;

/** What `recordInWords` reads of a signed record (src/lib/record.ts). */
export interface RecordAnswers {
  course: { pack: string };
  checks: readonly { question: string; selected: readonly number[]; correct: boolean }[];
  assessment: { answers: readonly { question: string; selected: readonly number[]; correct: boolean }[] };
  scenarios: readonly { scenario: string; decisions: readonly { node: string; answer: string; correct: boolean }[]; reply: { index: number; correct: boolean } | null }[];
  route: { lessons: readonly string[] };
}

const removed = (id: string): ItemLabel => ({ text: `(removed from the course) ${id}` });

export class Labels {
  readonly packs: ReadonlyMap<string, LabelPack>;

  constructor(packs: readonly LabelPack[]) {
    this.packs = new Map(packs.map((p) => [p.id, p]));
  }

  /** The course's name: its council. */
  course(pack: string): string {
    return this.packs.get(pack)?.council ?? `(course not on this server) ${pack}`;
  }

  /** A question by ID, in the pack given or, for counts across packs, the first that has it. */
  question(pack: string | undefined, id: string): QuestionFound | undefined {
    const packs = pack ? [this.packs.get(pack)].filter((p) => p !== undefined) : [...this.packs.values()];
    for (const p of packs) {
      for (const lesson of p.lessons) {
        const question = p.checks[lesson.id]?.find((q) => q.id === id);
        if (question) return { pack: p, question, lesson };
      }
      const question = p.assessment.find((q) => q.id === id);
      if (question) return { pack: p, question };
    }
    return undefined;
  }

  lesson(id: string): ItemLabel {
    const pack = this.packs.get(id.split('/')[0] ?? '');
    const lesson = pack?.lessons.find((l) => l.id === id);
    return lesson ? { text: lesson.title, href: lesson.href } : removed(id);
  }

  scenario(pack: string, id: string): LabelPack['scenarios'][number] | undefined {
    return this.packs.get(pack)?.scenarios.find((s) => s.id === id);
  }

  /** A question as a table shows it: shortened, linked to where an officer reads it in full. */
  questionLabel(pack: string | undefined, id: string): ItemLabel {
    const found = this.question(pack, id);
    return found ? { text: shorten(found.question.prompt), href: questionHref(found.pack.id, id) } : removed(id);
  }

  /** A flowchart step's question, in the graph given (undefined: the shared graph). */
  step(pack: LabelPack | undefined, graph: string | undefined, node: string): string | undefined {
    const packs = pack ? [pack] : [...this.packs.values()];
    for (const p of packs) {
      const g = p.graphs.find((x) => (graph === undefined ? x.shared : !x.shared && x.id === graph));
      const n = g?.byId.get(node);
      if (n?.question) return n.question;
    }
    return undefined;
  }

  /** What a member's stored event was about: `kind` and `item` as member_events holds them, for the member's pack. */
  event(pack: string, kind: string, item: string): ItemLabel {
    if (kind === 'lesson') return this.lesson(item);
    if (kind === 'check' || kind === 'assessment') return this.questionLabel(pack, item);
    const at = item.lastIndexOf('#');
    const scenario = this.scenario(pack, item.slice(0, at));
    if (at < 0 || !scenario) return removed(item);
    if (kind === 'reply') return { text: `${scenario.title}: the reply or action chosen`, href: scenario.href };
    const step = this.step(this.packs.get(pack), scenario.graph, item.slice(at + 1));
    return step ? { text: `${scenario.title}: "${step}"`, href: scenario.href } : removed(item);
  }

  /**
   * An analytics row's item: a flowchart decision as `decisionItem` counts it (bare node of the shared
   * graph, or `<pack>/<graph>:<node>`), or `<pack>/<id>` for every other kind (see the analytics page).
   */
  analyticsItem(kind: string, item: string): ItemLabel {
    if (kind === 'flowchart') {
      const { pack, graph, node } = parseDecisionItem(item);
      const owner = pack ? this.packs.get(pack) : [...this.packs.values()].find((p) => p.graphs.some((g) => g.shared));
      const step = this.step(owner, graph, node);
      const title = pack && owner ? ` (${owner.shortName}: ${owner.graphs.find((g) => !g.shared && g.id === graph)?.title ?? ''})` : '';
      return step ? { text: `"${step}"${title}`, href: owner ? `/${owner.id}/flowchart/` : undefined } : removed(item);
    }
    const slash = item.indexOf('/');
    const pack = item.slice(0, slash);
    const id = item.slice(slash + 1);
    if (kind === 'reply') return this.event(pack, kind, id);
    if (kind === 'lesson') return this.lesson(id);
    return this.questionLabel(pack, id);
  }

  /**
   * A signed record's answers in words, for the subject-access export: beside the record as signed
   * (IDs and option numbers), each question's text and the options chosen, each scenario's title,
   * its steps' questions and the reply chosen, and the refresher's lessons by title.
   */
  recordInWords(record: RecordAnswers): unknown {
    const pack = record.course.pack;
    const answer = (a: { question: string; selected: readonly number[]; correct: boolean }) => ({
      question: a.question, text: this.question(pack, a.question)?.question.prompt ?? this.questionLabel(pack, a.question).text,
      chosen: this.chosen(pack, a.question, a.selected), correct: a.correct,
    });
    return {
      course: this.course(pack),
      knowledgeChecks: record.checks.map(answer),
      assessment: record.assessment.answers.map(answer),
      scenarios: record.scenarios.map((sc) => {
        const scenario = this.scenario(pack, sc.scenario);
        const replies = scenario?.replies ?? scenario?.actions;
        return {
          scenario: sc.scenario, title: scenario?.title ?? `(removed from the course) ${sc.scenario}`,
          steps: sc.decisions.map((d) => ({ node: d.node, question: this.step(this.packs.get(pack), scenario?.graph, d.node) ?? d.node, answer: d.answer, correct: d.correct })),
          reply: sc.reply ? { index: sc.reply.index, text: replies?.[sc.reply.index]?.text ?? null, correct: sc.reply.correct } : null,
        };
      }),
      routeLessons: record.route.lessons.map((id) => ({ id, title: this.lesson(id).text })),
    };
  }

  /** The options chosen, by their text. */
  chosen(pack: string, question: string, selected: readonly number[]): string[] {
    const found = this.question(pack, question);
    return selected.map((i) => found?.question.options[i]?.text ?? `(option ${i + 1}, no longer in the course)`);
  }
}
