/** Splits a Markdown/MDX file into its YAML frontmatter and body, for checks outside Astro. */
import { parseYaml } from './yaml-file.ts';

export function splitFrontmatter(text: string, file: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: parseYaml(match[1]!, file), body: text.slice(match[0].length) };
}
