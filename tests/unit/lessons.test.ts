/** Every lesson: valid frontmatter, its pack's rule IDs, plain-English shape, and its own words. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, coreMarkdown } from '../../src/lib/course.ts';
import { loadPacks } from '../../src/lib/load.ts';
import { sharedPassages, unquotedSharedPassages } from '../../src/lib/wording.ts';
import { parseYaml } from '../../src/lib/yaml-file.ts';
import { LessonSchema } from '../../src/schemas/lesson.ts';
import { lessonFiles, projectRoot, root } from './support/content.ts';
import { packIds } from '../support/packs.ts';

const lessons = lessonFiles();
const packs = new Map(loadPacks(root).map((p) => [p.pack.id, p]));

/** The policy text each pack was written from (every source file, for a pack of several documents). */
function sourceText(pack: string): string {
  const files = packs.get(pack)!.pack.source.files;
  if (files.length === 0) throw new Error(`content/${pack}/pack.yaml names no source.file: add the policy text to tests/fixtures/seeds/`);
  return files.map((file) => readFileSync(join(projectRoot, 'tests', 'fixtures', 'seeds', file), 'utf8')).join('\n\n');
}

/** Names and titles that must be quoted exactly, so may match the source word for word. */
const ALLOWED = [/knowing when to join the social media conversation/, /local government \(?access to information\)? act 1985/];

describe('lesson files', () => {
  it('exist for both packs', () => {
    expect(lessons.filter((l) => l.pack === 'wyre').length).toBeGreaterThanOrEqual(14);
    expect(lessons.filter((l) => l.pack === 'ashfield').length).toBeGreaterThanOrEqual(18);
    expect(lessons.filter((l) => l.id.startsWith('ashfield/scenarios/'))).toHaveLength(8);
  });

  describe.each(lessons.map((l) => [l.file, l] as const))('%s', (_file, lesson) => {
    it('has valid frontmatter naming only its own pack\'s rules', () => {
      const data = LessonSchema.parse(lesson.data);
      const known = new Set(packs.get(lesson.pack)!.rules.map((r) => r.id));
      expect(data.rules.filter((id) => !known.has(id))).toEqual([]);
    });

    it('has a core text of 120 to 420 words (a minute or two), with any optional depth in one closing "More on this" section', () => {
      const n = countWords(coreMarkdown(lesson.body));
      expect(n).toBeGreaterThanOrEqual(120);
      expect(n).toBeLessThanOrEqual(420);
      expect(lesson.body.match(/^## More on this/gm)?.length ?? 0).toBeLessThanOrEqual(1);
      expect(countWords(lesson.body)).toBeLessThanOrEqual(1000);
    });

    it('has an "In practice" section in its core text and headings that start at level 2 and do not skip', () => {
      const levels = [...lesson.body.matchAll(/^(#{1,6}) /gm)].map((m) => m[1]!.length);
      expect(coreMarkdown(lesson.body)).toMatch(/^## In practice/m);
      expect(levels[0]).toBe(2);
      levels.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1));
    });

    it('uses no raw HTML, JSX or expressions (lesson text must read without scripts)', () => {
      expect(lesson.body).not.toMatch(/[<>{}]/);
      expect(lesson.body).not.toMatch(/^(import|export) /m);
    });

    it('is written in its own words: no run of 8 words copied from the policy', () => {
      const copied = sharedPassages(lesson.body, sourceText(lesson.pack), 8).filter((p) => !ALLOWED.some((a) => a.test(p)));
      expect(copied).toEqual([]);
    });
  });
});

/** Every YAML file under a pack's quizzes/ folder: checks, scenarios, assessment and any graphs of its own. */
function quizFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? quizFiles(full) : name.endsWith('.yaml') ? [full] : [];
  });
}

/** Every string in parsed YAML, with where it sits (`questions[2].options[1].feedback`). */
function texts(value: unknown, at = ''): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => texts(v, at ? `${at}.${k}` : k));
  return [];
}

describe.each(packIds(root))('quiz text of pack %s', (pack) => {
  it('is written in its own words: no run of 8 words copied from the policy, unless quoted and credited to the policy', () => {
    const source = sourceText(pack);
    const copied = quizFiles(join(root, 'quizzes', pack)).flatMap((full) => {
      const file = relative(root, full);
      return texts(parseYaml(readFileSync(full, 'utf8'), file)).flatMap(({ at, text }) =>
        unquotedSharedPassages(text, source, 8).filter((p) => !ALLOWED.some((a) => a.test(p))).map((p) => `${file} ${at}: "${p}"`));
    });
    expect(copied).toEqual([]);
  });
});

describe('unquotedSharedPassages', () => {
  const source = 'Do not publish anything you have received in confidence, ever.';

  it('allows a run in quotation marks when its sentence credits the policy', () => {
    expect(unquotedSharedPassages('The policy says: “do not publish anything you have received in confidence”.', source, 8)).toEqual([]);
    expect(unquotedSharedPassages('Keep it private: "do not publish anything you have received in confidence" (Wyre policy, section 3).', source, 8)).toEqual([]);
  });

  it('still finds a copied run that is unquoted, or quoted without crediting the policy', () => {
    const copied = ['do not publish anything you have received in confidence'];
    expect(unquotedSharedPassages('Right. Do not publish anything you have received in confidence (Wyre policy, section 3).', source, 8)).toEqual(copied);
    expect(unquotedSharedPassages('He wrote: "do not publish anything you have received in confidence".', source, 8)).toEqual(copied);
    // Words inside the quotation do not count as the credit.
    expect(unquotedSharedPassages('"Do not publish anything you have received in confidence, says the policy".', 'do not publish anything you have received in confidence says the policy', 8)).toHaveLength(1);
  });

  it('does not join the words either side of a credited quotation into a run', () => {
    const text = 'Do not publish anything "as the policy puts it" you have received in confidence.';
    expect(unquotedSharedPassages(text, source, 8)).toEqual([]);
  });
});

describe('sharedPassages', () => {
  it('finds copied runs despite case and punctuation, and merges overlapping ones', () => {
    const source = 'Do not publish anything you have received in confidence, ever.';
    expect(sharedPassages('Please DO NOT publish anything you have received in confidence.', source, 8)).toEqual([
      'do not publish anything you have received in confidence',
    ]);
    expect(sharedPassages('Keep secrets you were given in confidence to yourself.', source, 8)).toEqual([]);
  });
});
