/**
 * The final assessment's answer key is on the server only: no file of the client build holds any
 * assessment question, option feedback or explanation of any pack. The same search finds the
 * knowledge checks' feedback (which is in the client on purpose), so it is able to find text when it is there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { packIds } from '../support/packs.ts';
import { checksOf } from './quiz-support.ts';
import { clientSearch, leakedAnswers } from './support.ts';

const client = join(import.meta.dirname, '..', '..', 'dist', 'client');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('no client file holds the assessment answer key', () => {
  const search = clientSearch(client);
  expect(search.size).toBeGreaterThan(100_000);

  for (const pack of packIds()) {
    // Positive control: knowledge-check feedback is in the client build, and the search finds it.
    const checkFeedback = checksOf(pack).flatMap((c) => c.questions.flatMap((q) => q.options.map((o) => o.feedback)));
    expect(checkFeedback.filter(search.holds), pack).toHaveLength(checkFeedback.length);
    expect(leakedAnswers(search, pack)).toEqual([]);
  }
});

test('no server code reaches the browser: no client file uses node:sqlite, node:crypto or the record store', () => {
  const offenders = files(client)
    .filter((f) => /\.(m?js|html)$/.test(f))
    .filter((f) => /node:sqlite|node:crypto|DatabaseSync|signing_keys|INSERT INTO records|BEGIN IMMEDIATE/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
