import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { edgesOf, graphProblems, parseFlowchart, spine, unfold } from '../../src/lib/flowchart.ts';
import { loadFlowchart } from '../../src/lib/load.ts';
import { inPackWords } from '../../src/lib/graphs.ts';
import { FlowchartSchema } from '../../src/schemas/flowchart.ts';
import { projectRoot, root } from './support/content.ts';

const graph = loadFlowchart(root);
const raw = () => parse(readFileSync(join(root, 'quizzes', 'flowchart.yaml'), 'utf8'));

/** Table rows of respond-flowchart.md whose first cell is a backticked ID, as arrays of cells. */
function specRows(prefix: string): string[][] {
  const md = readFileSync(join(projectRoot, 'tests', 'fixtures', 'respond-flowchart.md'), 'utf8');
  return md
    .split('\n')
    .filter((line) => line.startsWith(`| \`${prefix}`))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim().replace(/^`|`$/g, '')));
}

describe('quizzes/flowchart.yaml', () => {
  it('has the 20 nodes of respond-flowchart.md: start, 10 questions, 9 outcomes', () => {
    expect(graph.nodes).toHaveLength(20);
    expect(graph.nodes.filter((n) => n.kind === 'question')).toHaveLength(10);
    expect(graph.nodes.filter((n) => n.kind === 'outcome')).toHaveLength(9);
    expect(graph.byId.get('start')?.kind).toBe('start');
  });

  /**
   * Wording changed from the specification on a content review's finding (shared/reviews/content-2026-11.md):
   * the node keeps its ID and edges, and its text must answer the finding.
   */
  const REWORDED: Record<string, { finding: string; says: RegExp[] }> = {
    // F12: "abusive" in ordinary English covers insults the scenarios answer "no" to; the check is for posts that may be crimes.
    'q-unlawful': { finding: 'F12', says: [/^Could it be unlawful\? For example a threat/, /harassment \(including\s+repeated targeting\)/, /grossly offensive/, /defamatory or\s+obscene post/, /Rude or\s+insulting is not enough/] },
    // F1: removal is the policies' rule and comes first; capturing and reporting are good practice where a policy asks only for removal.
    'o-capture-report': { finding: 'F1', says: [/before it can be deleted, and remove it promptly from any page you control\. Report it to the\s+site administrator/, /capturing and reporting are good practice that keeps the evidence/] },
    // F3: giving no view is the safe course, not the law: predisposition is lawful (Localism Act 2011 s.25).
    'o-no-view': { finding: 'F3', says: [/^The safe course: give no view on the merits/, /\(predisposition\)/, /\(predetermination\)/] },
  };

  it('has exactly the questions and edges of the specification (wording as reworded on review findings)', () => {
    const rows = specRows('q-');
    expect(rows).toHaveLength(10);
    for (const [id, question, yes, no] of rows) {
      const node = graph.byId.get(id!);
      expect(node, id).toMatchObject({ kind: 'question', yes, no });
      const reworded = REWORDED[id!];
      if (!reworded) expect(node, id).toMatchObject({ question });
      else {
        expect((node as { question: string }).question, `${id} (${reworded.finding})`).not.toBe(question);
        for (const re of reworded.says) expect((node as { question: string }).question, `${id} (${reworded.finding})`).toMatch(re);
      }
    }
  });

  it('has exactly the outcomes of the specification, with whether each replies (in Wyre\'s words: the text names roles by placeholder)', () => {
    const rows = specRows('o-');
    expect(rows).toHaveLength(9);
    const wyre = inPackWords({ ...graph, id: 'respond', file: 'quizzes/flowchart.yaml', shared: true }, { officer: 'Monitoring Officer', escalation: 'your group leader', members: 'councillors' });
    for (const [id, action, replies] of rows) {
      const node = wyre.byId.get(id!) as { action: string };
      expect(node, id).toMatchObject({ kind: 'outcome', replies });
      const reworded = REWORDED[id!];
      if (!reworded) expect(node, id).toMatchObject({ action });
      else for (const re of reworded.says) expect(node.action, `${id} (${reworded.finding})`).toMatch(re);
    }
  });

  it('names no role itself: a Clerk\'s pack reads "Clerk", and a pack with nobody to escalate to loses that part', () => {
    const clerk = inPackWords({ ...graph, id: 'respond', file: 'quizzes/flowchart.yaml', shared: true }, { officer: 'Clerk', members: 'councillors' });
    const action = (clerk.byId.get('o-capture-report') as { action: string }).action;
    expect(action).toContain('and to the Clerk. Where your council');
    const texts = clerk.nodes.flatMap((n) => Object.values(n).filter((v): v is string => typeof v === 'string'));
    expect(texts.filter((t) => /Monitoring Officer|group leader|\{|\[\[/.test(t))).toEqual([]);
  });

  it('has the five checks of the specification', () => {
    const rows = specRows('c-');
    expect(graph.checks.map((c) => c.id)).toEqual(rows.map((r) => r[0]));
    for (const [id, text] of rows) {
      const check = graph.checks.find((c) => c.id === id)!;
      // The spec joins label and text in one sentence; the data stores the text to stand alone.
      expect(`${check.label}: ${check.text[0]!.toLowerCase()}${check.text.slice(1)}`).toBe(text);
    }
  });

  it('carries the attribution and the CC BY-NC-SA 3.0 licence', () => {
    expect(graph.attribution).toContain('Michael Gross');
    expect(graph.attribution).toContain('US Air Force');
    expect(graph.licence.name).toContain('CC BY-NC-SA 3.0');
    expect(graph.licence.url).toBe('https://creativecommons.org/licenses/by-nc-sa/3.0/');
  });
});

describe('flowchart graph validation', () => {
  it('rejects an edge that lands nowhere, naming the node and answer', () => {
    const data = raw();
    data.nodes.find((n: any) => n.id === 'q-misguided').yes = 'q-wants-respond';
    expect(() => parseFlowchart(data, 'quizzes/flowchart.yaml')).toThrow(
      'quizzes/flowchart.yaml has a problem:\n  - node "q-misguided": its "yes" edge goes to "q-wants-respond", which is not a node',
    );
  });

  it('rejects a cycle and shows it', () => {
    const data = raw();
    data.nodes.find((n: any) => n.id === 'q-unhappy').no = 'q-positive';
    data.nodes = data.nodes.filter((n: any) => n.id !== 'o-evaluate');
    const problems = graphProblems(FlowchartSchema.parse(data));
    expect(problems).toContain('the graph has a cycle: q-positive → q-malicious → q-victimising → q-misguided → q-unhappy → q-positive');
  });

  it('rejects a node that cannot be reached', () => {
    const data = raw();
    data.nodes.push({ id: 'o-orphan', kind: 'outcome', label: 'Orphan', action: 'Nothing leads here.', replies: 'no' });
    expect(graphProblems(FlowchartSchema.parse(data))).toEqual(['node "o-orphan" cannot be reached from the start']);
  });

  it('rejects duplicate IDs and a missing start', () => {
    const data = raw();
    data.start = 'begin';
    data.nodes.push({ ...data.nodes.find((n: any) => n.id === 'o-fix') });
    const problems = graphProblems(FlowchartSchema.parse(data));
    expect(problems).toContain('node "o-fix" is defined twice');
    expect(problems).toContain('field "start": there is no node "begin"');
  });

  it('rejects a malformed node with a field-level message', () => {
    const data = raw();
    delete data.nodes.find((n: any) => n.id === 'q-positive').no;
    expect(() => parseFlowchart(data, 'quizzes/flowchart.yaml')).toThrow(/field "nodes\[4\]\.no" is missing/);
  });

  it('every path from the start ends in an outcome', () => {
    const ends = new Set<string>();
    const walk = (id: string, depth: number): void => {
      expect(depth).toBeLessThan(graph.nodes.length);
      const node = graph.byId.get(id)!;
      const edges = edgesOf(node);
      if (edges.length === 0) {
        expect(node.kind).toBe('outcome');
        ends.add(id);
      }
      for (const edge of edges) walk(edge.to, depth + 1);
    };
    walk(graph.start, 0);
    expect(ends.size).toBe(9);
  });
});

describe('unfolding for the drawing', () => {
  it('visits every node, marking outcomes reached twice as repeats', () => {
    const tree = unfold(graph, graph.start);
    const seen: string[] = [];
    const repeats: string[] = [];
    const visit = (t: ReturnType<typeof unfold>): void => {
      seen.push(t.node.id);
      if (t.kind === 'question') {
        visit(t.yes);
        visit(t.no);
      } else if (t.repeat) repeats.push(t.node.id);
    };
    visit(tree);
    expect(new Set(seen).size).toBe(19);
    expect(repeats.sort()).toEqual(['o-let-stand', 'o-monitor']);
  });

  it('runs the spine down the "no" answers', () => {
    expect(spine(unfold(graph, graph.start)).map((s) => s.node.id)).toEqual([
      'q-unlawful', 'q-decision', 'q-confidential', 'q-positive', 'q-malicious', 'q-victimising', 'q-misguided', 'q-unhappy', 'o-evaluate',
    ]);
  });
});
