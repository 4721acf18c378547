/**
 * The knowledge check as served, before any script: real controls in order, required questions
 * before optional practice ones, empty error and feedback slots, and the data the enhancer reads.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import KnowledgeCheck from '../../src/components/quiz/KnowledgeCheck.astro';
import type { CheckData } from '../../src/components/quiz/check-enhance.ts';
import type { Question } from '../../src/schemas/check.ts';

const question = (id: string, type: Question['type'], practice?: boolean): Question => ({
  id, type, prompt: `Prompt for ${id}?`, rules: ['W-1.1'],
  options: [
    { text: `${id} yes`, correct: true, feedback: `Right about ${id}.` },
    { text: `${id} no`, correct: type === 'multiple', feedback: `Also ${id}.` },
    { text: `${id} <maybe>`, correct: false, feedback: `Not ${id}.` },
  ],
  ...(practice === undefined ? {} : { practice }),
});

let html = '';
beforeAll(async () => {
  const container = await AstroContainer.create();
  // A practice question listed first still comes after the required ones.
  html = await container.renderToString(KnowledgeCheck, {
    props: { pack: 'wyre', lesson: 'wyre/modules/04-libel', questions: [question('extra', 'single', true), question('core', 'single'), question('more', 'multiple')] },
  });
});

describe('KnowledgeCheck.astro', () => {
  it('is a labelled section, with the id the lesson links and the script look for', () => {
    expect(html).toMatch(/^<section class="cc-quiz" id="check" aria-labelledby="check-heading" data-quiz="knowledge-check" data-pack="wyre">/);
    expect(html).toContain('<h2 id="check-heading">Check your understanding</h2>');
  });

  it('puts required questions first, then the practice ones under their own heading and note', () => {
    const order = ['Question 1 of 2</span> Prompt for core?', 'Question 2 of 2</span> Prompt for more?', 'More practice (optional)</h3>', 'not needed to finish the course', 'Question 3 (optional)</span> Prompt for extra?']
      .map((text) => html.indexOf(text));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('renders native radios or checkboxes with labels, in a fieldset with a legend, in a form per question', () => {
    expect(html.match(/<form class="cc-question"/g)).toHaveLength(3);
    expect(html.match(/<fieldset><legend>/g)).toHaveLength(3);
    expect(html).toContain('<input type="radio" id="kc-core-0" name="kc-core" value="0"><label for="kc-core-0">core yes</label>');
    expect(html).toContain('<input type="checkbox" id="kc-more-2" name="kc-more" value="2"><label for="kc-more-2">more &lt;maybe&gt;</label>');
  });

  it('has empty, hidden, focusable error and feedback slots, and buttons named by question number', () => {
    expect(html).toContain('<p class="cc-question__error" id="kc-core-error" tabindex="-1" hidden></p>');
    expect(html).toContain('<div class="cc-feedback" id="kc-core-feedback" tabindex="-1" hidden></div>');
    expect(html).not.toContain('aria-live');
    expect(html.match(/<button type="submit" class="cc-button">Check answer<\/button>/g)).toHaveLength(3);
    expect(html).toContain('data-retry hidden>Try question 3 again</button>');
  });

  it('gives every element a unique id', () => {
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('says checking needs JavaScript (shown only without scripting, by CSS)', () => {
    expect(html).toContain('<p class="cc-quiz__nojs cc-quiz__nojs--check">Checking your answers needs JavaScript');
  });

  it('carries what the enhancer needs as JSON: which options are right, their feedback, and which questions are practice', () => {
    const json = /<script type="application\/json">(.*?)<\/script>/s.exec(html)![1]!;
    const data = JSON.parse(json) as CheckData;
    expect(data.pack).toBe('wyre');
    expect(data.lesson).toBe('wyre/modules/04-libel');
    expect(data.questions.extra!.practice).toBe(true);
    expect(data.questions.core).toEqual({
      practice: false,
      options: [{ correct: true, feedback: 'Right about core.' }, { correct: false, feedback: 'Also core.' }, { correct: false, feedback: 'Not core.' }],
    });
  });
});
