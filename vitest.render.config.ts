/// <reference types="vitest/config" />
// Render tests: Astro components rendered to HTML with Astro's container API, from curated examples.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: { name: 'render', include: ['tests/render/**/*.test.ts'], environment: 'node' },
});
