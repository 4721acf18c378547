/**
 * Finds passages copied from a source text: runs of N or more consecutive words shared by two
 * texts, ignoring case and punctuation. Lessons must explain a policy in their own words.
 */

/** Lower-case words, with apostrophes, quotes and other punctuation removed. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The last source's word runs, kept: a content test checks hundreds of short texts against one policy. */
let lastGrams: { source: string; n: number; grams: Set<string> } | undefined;

/** Every run of `n` consecutive words in `source`. */
function gramsOf(source: string, n: number): Set<string> {
  if (lastGrams?.source === source && lastGrams.n === n) return lastGrams.grams;
  const sourceWords = words(source);
  const grams = new Set<string>();
  for (let i = 0; i + n <= sourceWords.length; i++) grams.add(sourceWords.slice(i, i + n).join(' '));
  lastGrams = { source, n, grams };
  return grams;
}

/** Every run of `n` consecutive words in `text` that also occurs in `source`, merged into maximal passages. */
export function sharedPassages(text: string, source: string, n: number): string[] {
  const grams = gramsOf(source, n);
  const textWords = words(text);
  const passages: string[] = [];
  let runStart = -1;
  let runEnd = -1;
  for (let i = 0; i + n <= textWords.length; i++) {
    if (!grams.has(textWords.slice(i, i + n).join(' '))) continue;
    if (runStart >= 0 && i <= runEnd) runEnd = i + n;
    else {
      if (runStart >= 0) passages.push(textWords.slice(runStart, runEnd).join(' '));
      runStart = i;
      runEnd = i + n;
    }
  }
  if (runStart >= 0) passages.push(textWords.slice(runStart, runEnd).join(' '));
  return passages;
}

/** Quotation marks the course uses: curly “…” and straight "…". */
const QUOTED = /“[^”]*”|"[^"]*"/g;

/** Does the sentence around [start, end) say where the quotation comes from ("the policy says", "(Wyre policy, section 6)")? */
function creditsPolicy(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  const sentenceStart = Math.max(...['. ', '! ', '? ', '\n'].map((stop) => before.lastIndexOf(stop)), -1) + 1;
  const after = text.slice(end).search(/[.!?](\s|$)/);
  // Only the words around the quotation count: a quotation cannot credit itself.
  const sentence = text.slice(sentenceStart, start) + text.slice(end, after < 0 ? text.length : end + after + 1);
  return /\bpolicy\b|\bpolicy['’]s\b/i.test(sentence);
}

/**
 * sharedPassages, except for runs inside quotation marks whose sentence credits the policy: an
 * open quotation is allowed, an unmarked copy is not. The text is split at each credited
 * quotation, so words either side of one are never joined into a run.
 */
export function unquotedSharedPassages(text: string, source: string, n: number): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (const m of text.matchAll(QUOTED)) {
    if (!creditsPolicy(text, m.index, m.index + m[0].length)) continue;
    pieces.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  pieces.push(text.slice(from));
  return pieces.flatMap((piece) => sharedPassages(piece, source, n));
}
