/**
 * The final assessment's answer key is on the server only: no file of the client build holds any
 * assessment question, option feedback or explanation. The same search finds the knowledge checks'
 * feedback (which is in the client on purpose), so it is able to find text when it is there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bankOf } from './server-support.ts';
import { checksOf } from './quiz-support.ts';

const client = join(import.meta.dirname, '..', '..', 'dist', 'client');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Letters and digits only, single-spaced: finds text whether it was HTML-escaped, JSON-escaped or re-wrapped. */
const normalise = (text: string) =>
  text.replace(/&#?[a-z0-9]+;|\\[nrtu"'\\]/gi, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().toLowerCase();

test('no client file holds the assessment answer key', () => {
  const everything = files(client).map((f) => normalise(readFileSync(f, 'utf8'))).join('\n');
  expect(everything.length).toBeGreaterThan(100_000);

  // Positive control: knowledge-check feedback is in the client build, and the search finds it.
  const checkFeedback = checksOf('wyre').flatMap((c) => c.questions.flatMap((q) => q.options.map((o) => o.feedback)));
  expect(checkFeedback.filter((text) => everything.includes(normalise(text))).length).toBe(checkFeedback.length);

  const leaked: string[] = [];
  for (const pack of ['wyre', 'ashfield']) {
    for (const q of bankOf(pack)) {
      for (const text of [q.prompt, q.explanation, ...q.options.map((o) => o.feedback)]) {
        if (everything.includes(normalise(text))) leaked.push(`${pack}/${q.id}: ${text.slice(0, 60)}`);
      }
    }
  }
  expect(leaked).toEqual([]);
});

test('no server code reaches the browser: no client file uses node:sqlite, node:crypto or the record store', () => {
  const offenders = files(client)
    .filter((f) => /\.(m?js|html)$/.test(f))
    .filter((f) => /node:sqlite|node:crypto|DatabaseSync|signing_keys|INSERT INTO records|BEGIN IMMEDIATE/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
