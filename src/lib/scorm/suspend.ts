/**
 * SCORM 1.2 gives a course 4,096 characters of `cmi.suspend_data` to resume from. This codec packs a
 * learner's whole state into a few hundred: lessons as a bitset, each knowledge-check answer as one
 * character, each scenario as one letter per decision, the assessment draw and its answers, and the
 * signed declaration (who, when, role, ward: LMSs clear browser storage, so it must live here). Order
 * comes from the course's shape (the same data the pages are built from), so only choices are stored.
 * Anything that does not decode against the shape gives an empty state, never an error.
 */
import { emptyProgress, type Progress } from '../progress.ts';
import type { Role } from '../record.ts';
import { isBestReply, type ScoredChoice } from '../scoring.ts';

export interface CourseShape {
  pack: string;
  lessons: readonly string[];
  /** Knowledge-check questions in course order, with each option's correctness. */
  questions: readonly { id: string; correct: readonly boolean[] }[];
  scenarios: readonly { id: string; path: readonly { node: string; answer: 'yes' | 'no' }[]; replies: readonly ScoredChoice[] }[];
  /** The assessment bank, in file order. */
  assessment: readonly { id: string }[];
}

/** A signed declaration: the text is the package's own, so only the signer's details are kept. */
export interface SignedDeclaration {
  name: string;
  role: Role;
  wardOrCommittee: string;
  /** ISO timestamp, to the second. */
  at: string;
}

export interface ScormState {
  progress: Progress;
  /** The drawn assessment questions (bank IDs, in order) and the options chosen, once answered. */
  assessment: { drawn: string[]; answers: Record<string, number[]> | null } | null;
  /** Present once the learner has signed. */
  declaration?: SignedDeclaration;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** v2 adds the declaration; v1 data (packages before it) still decodes. */
const VERSION = 'v2';

/** `seconds-base36,c|o,name,ward`: encodeURIComponent escapes the `,` and `|` separators. */
function encodeDeclaration(d: SignedDeclaration | undefined): string {
  if (!d) return '';
  const seconds = Math.max(0, Math.floor(Date.parse(d.at) / 1000) || 0);
  return [seconds.toString(36), d.role === 'councillor' ? 'c' : 'o', encodeURIComponent(d.name), encodeURIComponent(d.wardOrCommittee)].join(',');
}

function decodeDeclaration(part: string): SignedDeclaration | undefined {
  if (!part) return undefined;
  const [at, role, name, ward, ...rest] = part.split(',');
  const seconds = parseInt(at ?? '', 36);
  if (rest.length || !/^[0-9a-z]+$/.test(at ?? '') || (role !== 'c' && role !== 'o') || !name || ward === undefined) throw new Error('bad declaration');
  return { name: decodeURIComponent(name), role: role === 'c' ? 'councillor' : 'co-opted member', wardOrCommittee: decodeURIComponent(ward), at: new Date(seconds * 1000).toISOString() };
}

const mask = (selected: readonly number[]) => selected.reduce((m, i) => m | (1 << i), 0);
const unmask = (m: number) => [0, 1, 2, 3, 4].filter((i) => m & (1 << i));

export function encodeState(shape: CourseShape, state: ScormState): string {
  const { progress } = state;
  const visited = new Set(progress.lessons);
  let bits = '';
  for (let i = 0; i < shape.lessons.length; i += 4) {
    const nibble = [0, 1, 2, 3].reduce((n, b) => n | (visited.has(shape.lessons[i + b] ?? '') ? 1 << b : 0), 0);
    bits += nibble.toString(16);
  }
  const checks = shape.questions.map((q) => {
    const a = progress.checks[q.id];
    return a ? B64[mask(a.selected) + (a.correct ? 32 : 0)] : '.';
  }).join('');
  const scenarios = shape.scenarios.map((s) => {
    const p = progress.scenarios[s.id];
    if (!p) return '';
    const answers = p.answers.map((a) => (a.answer === 'yes' ? 'y' : 'n')[a.correct ? 'toUpperCase' : 'toLowerCase']()).join('');
    const reply = p.reply === undefined ? '' : String(p.reply);
    return `${answers}${reply}${p.done ? '!' : ''}`;
  }).join(',');
  const a = state.assessment;
  const index = new Map(shape.assessment.map((q, i) => [q.id, i]));
  const assessment = a
    ? a.drawn.map((id) => `${(index.get(id) ?? 0).toString(36)}${a.answers ? B64[mask(a.answers[id] ?? [])] : ''}`).join('.')
    : '';
  return [VERSION, bits, checks, scenarios, assessment, encodeDeclaration(state.declaration)].join('|');
}

export function decodeState(shape: CourseShape, data: string): ScormState {
  const empty: ScormState = { progress: emptyProgress(shape.pack), assessment: null };
  const parts = data.split('|');
  if (!((parts[0] === 'v1' && parts.length === 5) || (parts[0] === VERSION && parts.length === 6))) return empty;
  const [, bits, checks, scenarios, assessment, declarationPart = ''] = parts as [string, string, string, string, string, string?];
  const progress = emptyProgress(shape.pack);
  try {
    shape.lessons.forEach((id, i) => {
      const nibble = parseInt(bits[Math.floor(i / 4)] ?? '0', 16);
      if (nibble & (1 << (i % 4))) progress.lessons.push(id);
    });
    if (checks.length !== shape.questions.length) return empty;
    shape.questions.forEach((q, i) => {
      const c = checks[i]!;
      if (c === '.') return;
      const v = B64.indexOf(c);
      if (v < 0) throw new Error('bad check');
      progress.checks[q.id] = { selected: unmask(v & 31).filter((o) => o < q.correct.length), correct: v >= 32 };
    });
    const scenarioParts = scenarios.split(',');
    if (scenarioParts.length !== shape.scenarios.length) return empty;
    shape.scenarios.forEach((s, i) => {
      const m = /^([yYnN]*)(\d?)(!?)$/.exec(scenarioParts[i]!);
      if (!m) throw new Error('bad scenario');
      if (!m[0]) return;
      const answers = [...m[1]!].map((ch, n) => ({ node: s.path[n]!.node, answer: (ch.toLowerCase() === 'y' ? 'yes' : 'no') as 'yes' | 'no', correct: ch === ch.toUpperCase() }));
      if (answers.length > s.path.length) throw new Error('too many answers');
      const reply = m[2] ? Number(m[2]) : undefined;
      progress.scenarios[s.id] = {
        answers,
        ...(reply === undefined ? {} : { reply, replyCorrect: isBestReply(s.replies[reply]) }),
        done: m[3] === '!',
      };
    });
    let drawn: ScormState['assessment'] = null;
    if (assessment) {
      const items = assessment.split('.').map((item) => /^([0-9a-z]+)([A-Za-z0-9_-]?)$/.exec(item));
      if (items.some((x) => !x)) throw new Error('bad assessment');
      const ids = items.map((x) => shape.assessment[parseInt(x![1]!, 36)]?.id ?? '');
      if (ids.some((id) => !id)) throw new Error('bad question');
      const answered = items.every((x) => x![2]);
      drawn = { drawn: ids, answers: answered ? Object.fromEntries(items.map((x, i) => [ids[i]!, unmask(B64.indexOf(x![2]!))])) : null };
    }
    const declaration = decodeDeclaration(declarationPart);
    return { progress, assessment: drawn, ...(declaration ? { declaration } : {}) };
  } catch {
    return empty;
  }
}
