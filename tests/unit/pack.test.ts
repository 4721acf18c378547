import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CourseDataError } from '../../src/lib/friendly-errors.ts';
import { loadPack, loadPacks } from '../../src/lib/load.ts';
import { parsePack } from '../../src/lib/pack.ts';
import { packIds, SHIPPED_PACKS } from '../support/packs.ts';
import { root } from './support/content.ts';

const FILE = 'content/wyre/pack.yaml';
const good = readFileSync(join(root, FILE), 'utf8');

/** The wyre pack with one change applied, as YAML text. */
function variant(change: (pack: Record<string, any>) => void): string {
  const data = parse(good);
  change(data);
  return stringify(data);
}

function messageOf(text: string, folder = 'wyre'): string {
  try {
    parsePack(text, FILE, folder);
  } catch (error) {
    expect(error).toBeInstanceOf(CourseDataError);
    return (error as Error).message;
  }
  throw new Error('expected the pack to be rejected');
}

describe('pack.yaml validation', () => {
  it('finds the shipped packs among the folders of content/', () => {
    expect(packIds()).toEqual(expect.arrayContaining([...SHIPPED_PACKS]));
  });

  it.each(packIds())('content/%s/ is a valid pack: its pack.yaml and rules.yaml load, with an id matching the folder', (folder) => {
    const { pack, rules } = loadPack(root, folder);
    expect(pack.id).toBe(folder);
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it('reads the shipped packs\' settings', () => {
    const packs = loadPacks(root);
    const wyre = packs.find((p) => p.pack.id === 'wyre')!;
    expect(wyre.pack.documents[0]!.date).toBe('2017-11');
    expect(wyre.pack.passMark).toBe(80);
    expect(wyre.rules).toHaveLength(44);
  });

  it('names the file and a missing field', () => {
    expect(messageOf(variant((p) => delete p.policy.title))).toBe(
      'content/wyre/pack.yaml has a problem:\n  - field "policy.title" is missing: expected text: the policy title',
    );
  });

  it('names a field of the wrong type and what was found', () => {
    expect(messageOf(variant((p) => (p.passMark = 'eighty')))).toBe(
      'content/wyre/pack.yaml has a problem:\n  - field "passMark": expected a whole number from 1 to 100 (a percentage) (found "eighty")',
    );
  });

  it('names a value out of range', () => {
    expect(messageOf(variant((p) => (p.refreshMonths = 0)))).toBe(
      'content/wyre/pack.yaml has a problem:\n  - field "refreshMonths": expected a whole number of months from 1 to 60 (found number 0)',
    );
  });

  it('names a misspelt field', () => {
    expect(messageOf(variant((p) => (p.pasMark = 70)))).toBe(
      'content/wyre/pack.yaml has a problem:\n  - unknown field "pasMark": check the spelling or remove it',
    );
  });

  it('rejects a date that is not on the calendar', () => {
    expect(messageOf(variant((p) => (p.policy.date = '2017-02-30')))).toContain(
      'field "policy.date": is not a real calendar date (found "2017-02-30")',
    );
  });

  it('accepts a date given to the month, and rejects a month that does not exist', () => {
    expect(parsePack(variant((p) => (p.policy.date = '2018-05')), FILE, 'wyre').documents[0]!.date).toBe('2018-05');
    expect(messageOf(variant((p) => (p.policy.date = '2018-13')))).toContain('field "policy.date": is not a real calendar date');
  });

  it('lists every problem at once', () => {
    const message = messageOf(variant((p) => {
      delete p.council;
      p.passMark = 150;
    }));
    expect(message).toMatch(/^content\/wyre\/pack.yaml has 2 problems:/);
    expect(message).toContain('field "council" is missing');
    expect(message).toContain('field "passMark"');
  });

  it('requires the id to match the folder', () => {
    expect(messageOf(good, 'wyre-2')).toBe(
      'content/wyre/pack.yaml has a problem:\n  - field "id": must match the pack\'s folder name "wyre-2" (found "wyre")',
    );
  });

  it('reports broken YAML with its line', () => {
    expect(messageOf('id: wyre\ncouncil: [unclosed\n')).toMatch(/^content\/wyre\/pack.yaml has a problem:\n  - is not valid YAML at line \d+/);
  });
});

describe('loading every pack, as the build does', () => {
  it('fails on a broken pack with the message naming its file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packs-'));
    try {
      cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
      writeFileSync(join(dir, 'content', 'ashfield', 'pack.yaml'), variant((p) => {
        p.id = 'ashfield';
        p.refreshMonths = 'yearly';
      }));
      expect(() => loadPacks(dir)).toThrow(
        'content/ashfield/pack.yaml has a problem:\n  - field "refreshMonths": expected a whole number of months from 1 to 60 (found "yearly")',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
