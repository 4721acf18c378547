import { describe, expect, it } from 'vitest';
import { countWords, coreMarkdown, orderLessons, readingMinutes, parseLessonId, splitMoreHtml } from '../../src/lib/course.ts';
import { byOrderPrefix, stripOrderPrefix } from '../../src/lib/order.ts';
import { formatDate, formatVersion } from '../../src/lib/format.ts';

const lesson = (title: string) => ({ title, summary: 's', source: 'x', rules: ['W-1.1'] });

describe('ordering by folder prefix', () => {
  it('strips only a leading number prefix', () => {
    expect(stripOrderPrefix('04-libel')).toBe('libel');
    expect(stripOrderPrefix('libel-2')).toBe('libel-2');
  });

  it('sorts numerically, not as text', () => {
    expect(byOrderPrefix(['10-b', '2-a', '01-c'], (s) => s)).toEqual(['01-c', '2-a', '10-b']);
  });
});

describe('orderLessons', () => {
  const entries = [
    { id: 'wyre/scenarios/01-example', data: lesson('Example') },
    { id: 'wyre/modules/10-last', data: lesson('Last'), body: 'word '.repeat(401) },
    { id: 'wyre/modules/02-second', data: lesson('Second') },
    { id: 'ashfield/modules/01-other', data: lesson('Other pack') },
    { id: 'wyre/modules/01-first', data: lesson('First') },
  ];

  it('puts policy sections first, then worked examples, each by prefix, for one pack', () => {
    const ordered = orderLessons('wyre', entries);
    expect(ordered.map((l) => l.data.title)).toEqual(['First', 'Second', 'Last', 'Example']);
    expect(ordered.map((l) => l.href)).toEqual([
      '/wyre/lessons/first/', '/wyre/lessons/second/', '/wyre/lessons/last/', '/wyre/examples/example/',
    ]);
    expect(ordered.map((l) => l.number)).toEqual([1, 2, 3, 4]);
  });

  it('computes previous and next', () => {
    const ordered = orderLessons('wyre', entries);
    expect(ordered[0]!.previous).toBeUndefined();
    expect(ordered[0]!.next?.slug).toBe('second');
    expect(ordered[2]!.previous?.slug).toBe('second');
    expect(ordered[3]!.next).toBeUndefined();
  });

  it('computes reading time from the text', () => {
    expect(orderLessons('wyre', entries)[2]!.minutes).toBe(2);
    expect(readingMinutes(0)).toBe(1);
    expect(countWords('## In practice\n\n- One *two* [three](/x) — four')).toBe(6);
  });

  it('refuses two lessons that would share an address', () => {
    expect(() => orderLessons('wyre', [
      { id: 'wyre/modules/01-libel', data: lesson('a') },
      { id: 'wyre/modules/02-libel', data: lesson('b') },
    ])).toThrow('Two lessons in pack "wyre" would both be served at /wyre/lessons/libel/');
  });

  it('refuses a lesson in an unknown place', () => {
    expect(() => parseLessonId('wyre/extras/01-x')).toThrow(/is not at content\/<pack>\/modules/);
  });
});

describe('formatDate', () => {
  it('writes dates as UK readers expect', () => {
    expect(formatDate('2017-11-16')).toBe('16 November 2017');
    expect(formatDate('2018-05')).toBe('May 2018');
  });

  it('writes versions as a reader expects', () => {
    expect(formatVersion('3')).toBe('Version 3');
    expect(formatVersion('November 2017')).toBe('November 2017');
  });
});

describe('optional depth ("More on this")', () => {
  it('counts only the core text, before the closing "More on this" section', () => {
    const body = '## What it says\n\nOne two three.\n\n## In practice\n\nFour five.\n\n## More on this: the detail\n\nSix seven eight nine.\n';
    expect(countWords(coreMarkdown(body))).toBe(10);
    expect(coreMarkdown('## Only\n\nCore text.')).toBe('## Only\n\nCore text.');
  });

  it('splits the rendered lesson at that heading, keeping the heading text', () => {
    const html = '<h2 id="a">What it says</h2><p>One</p><h2 id="more-on-this-the-detail">More on this: the <em>detail</em></h2><p>Two</p><h3>Sub</h3>';
    expect(splitMoreHtml(html)).toEqual({ core: '<h2 id="a">What it says</h2><p>One</p>', more: { heading: 'More on this: the <em>detail</em>', body: '<p>Two</p><h3>Sub</h3>' } });
    expect(splitMoreHtml('<p>Just core</p>')).toEqual({ core: '<p>Just core</p>' });
  });
});
