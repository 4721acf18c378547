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

/** Every run of `n` consecutive words in `text` that also occurs in `source`, merged into maximal passages. */
export function sharedPassages(text: string, source: string, n: number): string[] {
  const sourceWords = words(source);
  const grams = new Set<string>();
  for (let i = 0; i + n <= sourceWords.length; i++) grams.add(sourceWords.slice(i, i + n).join(' '));
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
