import { defineConfig } from 'vitest/config';

/**
 * Two projects: unit tests of plain TypeScript, and render tests of Astro components, which run
 * through Astro's own Vite config so `.astro` files compile (vitest.render.config.ts).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      './vitest.render.config.ts',
    ],
  },
});
