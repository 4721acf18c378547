/**
 * `npm run route -- [pack …]`: each pack's routes from its files, as the build computes them: the
 * core and total words of every lesson (core = before "More on this"), then the induction's and
 * the refresher's minutes at the published rates. For writing and trimming lessons.
 */
import { countWords, coreMarkdown } from '../src/lib/course.ts';
import { loadPacks } from '../src/lib/load.ts';
import { packRoutes, RATES } from '../src/lib/route.ts';
import { lessonFiles, root } from '../tests/unit/support/content.ts';
import { routeInputFor } from '../tests/unit/support/route.ts';

const wanted = process.argv.slice(2);
const packs = loadPacks(root).map((p) => p.pack.id).filter((id) => wanted.length === 0 || wanted.includes(id));
console.log(`Rates: ${RATES.wordsPerMinute} words a minute, ${RATES.questionSeconds} s a question, ${RATES.decisionSeconds} s a decision, ${RATES.replySeconds} s a reply choice.`);
for (const pack of packs) {
  console.log(`\n${pack}\n${'core'.padStart(5)} ${'all'.padStart(5)}  lesson`);
  let core = 0;
  for (const lesson of lessonFiles().filter((l) => l.pack === pack).sort((a, b) => a.id.localeCompare(b.id))) {
    const words = countWords(coreMarkdown(lesson.body));
    core += words;
    console.log(`${String(words).padStart(5)} ${String(countWords(lesson.body)).padStart(5)}  ${lesson.file}`);
  }
  const { induction, refresher } = packRoutes(routeInputFor(pack));
  console.log(`${pack}: core ${core} words; induction ${induction.minutes} min (target 45), ${induction.questions.length} questions, ${induction.scenarios.length} scenarios; refresher ${refresher.minutes} min (target 15) with no changed lesson`);
}
