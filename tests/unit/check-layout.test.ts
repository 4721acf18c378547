import { describe, expect, it } from 'vitest';
import { layOutCheck } from '../../src/lib/check-layout.ts';
import type { Question } from '../../src/schemas/check.ts';

const question = (id: string, practice?: boolean): Question => ({
  id, type: 'single', prompt: `Prompt ${id}`, rules: ['W-1.1'],
  options: [{ text: 'Yes', correct: true, feedback: 'Right.' }, { text: 'No', correct: false, feedback: 'Not so.' }],
  ...(practice === undefined ? {} : { practice }),
});

describe('layOutCheck', () => {
  it('puts required questions first, numbered "of" the required count, then practice ones numbered on', () => {
    const { required, practice } = layOutCheck([question('a', true), question('b'), question('c', false)]);
    expect(required.map((p) => [p.question.id, p.number, p.label])).toEqual([
      ['b', 1, 'Question 1 of 2'],
      ['c', 2, 'Question 2 of 2'],
    ]);
    expect(practice.map((p) => [p.question.id, p.number, p.label])).toEqual([['a', 3, 'Question 3 (optional)']]);
  });

  it('has no practice part when no question is marked practice', () => {
    expect(layOutCheck([question('a')]).practice).toEqual([]);
  });
});
