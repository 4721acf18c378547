/**
 * Splits one line of text into runs to shape and draw, in the order they appear left to right.
 * A simple bidi split (not the full Unicode algorithm, which names do not need): letters of
 * right-to-left scripts are strong RTL, other letters and digits strong LTR, marks go with the
 * character before them, and spaces and punctuation take the direction around them (or the line's,
 * between two directions). The line's direction is that of its first strong character. Each
 * direction run is then split by font: a character stays in the current font when it has it
 * (spaces, marks and joiners always do), else takes the first font in the chain that has it.
 */

export type Direction = 'ltr' | 'rtl';
/** UTF-16 offsets [start, end) into the line, its direction, and an index into the font chain. */
export interface TextRun { start: number; end: number; dir: Direction; font: number }

const RTL_LETTER = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}\p{sc=Adlam}]/u;
/** Characters that belong to the one before: combining marks, joiners, variation selectors. */
const ATTACHED = /[\p{M}\u200c\u200d\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/u;

type Strength = Direction | 'neutral';

function strength(ch: string): Strength {
  if (/\p{L}/u.test(ch)) return RTL_LETTER.test(ch) ? 'rtl' : 'ltr';
  if (/\p{Nd}/u.test(ch)) return 'ltr';
  return 'neutral';
}

/** The line's characters (code points) with their UTF-16 offsets. */
function codePoints(line: string): { ch: string; at: number }[] {
  const out: { ch: string; at: number }[] = [];
  let at = 0;
  for (const ch of line) {
    out.push({ ch, at });
    at += ch.length;
  }
  return out;
}

export function lineDirection(line: string): Direction {
  for (const ch of line) {
    const s = strength(ch);
    if (s !== 'neutral') return s;
  }
  return 'ltr';
}

/** Each character's resolved direction. */
function directions(chars: readonly { ch: string }[], base: Direction): Direction[] {
  const strong: Strength[] = [];
  for (const [i, { ch }] of chars.entries()) strong.push(ATTACHED.test(ch) && i > 0 ? strong[i - 1]! : strength(ch));
  const out: Direction[] = [];
  let i = 0;
  while (i < strong.length) {
    const s = strong[i]!;
    if (s !== 'neutral') {
      out.push(s);
      i++;
      continue;
    }
    let j = i;
    while (j < strong.length && strong[j] === 'neutral') j++;
    const before = out.at(-1) ?? base;
    const after = (strong[j] as Direction | undefined) ?? base;
    for (; i < j; i++) out.push(before === after ? before : base);
  }
  return out;
}

/**
 * The runs of `line` in visual (left-to-right) order. `covers(font, codePoint)` says whether font
 * `font` of `fonts` has the character; one no font has goes with the font around it (or font 0),
 * where it prints as that font's .notdef box.
 */
export function textRuns(line: string, fonts: number, covers: (font: number, codePoint: number) => boolean): TextRun[] {
  const chars = codePoints(line);
  const base = lineDirection(line);
  const dirs = directions(chars, base);
  const firstFont = (cp: number) => {
    for (let f = 0; f < fonts; f++) if (covers(f, cp)) return f;
    return -1;
  };
  const logical: TextRun[] = [];
  for (const [i, { ch, at }] of chars.entries()) {
    const cp = ch.codePointAt(0)!;
    const last = logical.at(-1);
    const sameDir = last?.dir === dirs[i];
    let font: number;
    if (last && sameDir && (ATTACHED.test(ch) || covers(last.font, cp))) font = last.font;
    else {
      // A space or punctuation mark that starts a run takes the font of the letter after it, if it can.
      const next = strength(ch) === 'neutral' ? chars.slice(i + 1).find((c) => strength(c.ch) !== 'neutral') : undefined;
      const nextFont = next ? firstFont(next.ch.codePointAt(0)!) : -1;
      font = nextFont >= 0 && covers(nextFont, cp) ? nextFont : firstFont(cp);
      if (font < 0) font = sameDir ? last!.font : 0;
    }
    if (last && sameDir && last.font === font) last.end = at + ch.length;
    else logical.push({ start: at, end: at + ch.length, dir: dirs[i]!, font });
  }
  return visualOrder(logical, base);
}

/** Logical to visual order: an RTL line shows its last group first; an RTL group shows its last run first. */
function visualOrder(runs: TextRun[], base: Direction): TextRun[] {
  const groups: TextRun[][] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    if (group && group[0]!.dir === run.dir) group.push(run);
    else groups.push([run]);
  }
  const ordered = base === 'rtl' ? groups.reverse() : groups;
  return ordered.flatMap((g) => (g[0]!.dir === 'rtl' ? [...g].reverse() : g));
}
