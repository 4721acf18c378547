import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { countWords, coreMarkdown } from '../src/lib/course.ts';
for (const pack of process.argv.slice(2)) {
  let core = 0, all = 0;
  const files = [
    ...readdirSync(`content/${pack}/modules`).map((d) => `content/${pack}/modules/${d}/index.mdx`),
    ...(existsSync(`content/${pack}/scenarios`) ? readdirSync(`content/${pack}/scenarios`).map((f) => `content/${pack}/scenarios/${f}`) : []),
  ];
  for (const f of files) {
    const body = readFileSync(f, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const c = countWords(coreMarkdown(body)); const a = countWords(body);
    core += c; all += a;
    console.log(String(c).padStart(5), String(a).padStart(5), f);
  }
  console.log(`${pack}: core ${core} words (${(core / 200).toFixed(1)} min at 200 wpm), all ${all}`);
}
