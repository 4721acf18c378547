// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';
import { fileURLToPath } from 'node:url';

/**
 * No module-preload helper in the browser build. Astro switches module preload on; it adds about
 * 0.8 KB gzip to every lesson page (whose knowledge check loads its code later, once scrolled to),
 * and quiz pages have a 20 KB JavaScript budget. Set per environment, as Vite resolves build
 * options so. With preload off, Vite still wraps each dynamic `import()` in its preload helper (as
 * large again), only to load the imported chunk's CSS: no dynamically imported chunk here has CSS
 * (the build fails if one does), so a helper that just imports does the same.
 */
/**
 * The progress box and what it shares with the quiz islands (stored progress, the store, routes,
 * scoring) in one browser chunk: every page loads it, and one file compresses far better than six
 * small ones (about 1 KB gzip less), which keeps quiz pages within their 20 KB and other pages
 * within 3 KB (`npm run size`).
 */
const COURSE_CHUNK = {
  name: 'course',
  test: /src[\\/](lib[\\/](progress|progress-changes|route|scoring)\.ts|stores[\\/]progress\.ts|components[\\/]progress[\\/])/,
};

/** @returns {import('vite').Plugin} */
function noModulePreload() {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'course:no-module-preload',
    enforce: 'pre',
    configEnvironment(/** @type {string} */ name) {
      if (name === 'client') return { build: { modulePreload: false, rollupOptions: { output: { codeSplitting: { groups: [COURSE_CHUNK] } } } } };
    },
    load(id) {
      if (id === helper && this.environment.name === 'client') return 'export const __vitePreload = (load) => load();';
    },
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'client') return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isDynamicEntry && (chunk.viteMetadata?.importedCss.size ?? 0) > 0) {
          this.error(`${chunk.fileName} is imported dynamically and has CSS, which the trimmed preload helper (astro.config.mjs) does not load`);
        }
      }
    },
  };
}

/**
 * The Node adapter, standalone, started from src/server/entry.ts instead of the adapter's own
 * entry: the same server, with security headers on every response, static files included.
 * @param {Parameters<typeof node>[0]} options
 * @returns {import('astro').AstroIntegration}
 */
function nodeWithHeaders(options) {
  const integration = node(options);
  const configDone = integration.hooks['astro:config:done'];
  const entry = fileURLToPath(new URL('./src/server/entry.ts', import.meta.url));
  integration.hooks['astro:config:done'] = (params) =>
    configDone?.({ ...params, setAdapter: (adapter) => params.setAdapter({ ...adapter, serverEntrypoint: entry }) });
  return integration;
}

/** `COURSE_SCORM=<pack>` (set by `npm run build:scorm`) builds that pack's SCORM pages into their own folder. */
const scormPack = process.env.COURSE_SCORM;

export default defineConfig({
  // COURSE_OUT_DIR: another build of the site (tests build a changed copy of the course there).
  outDir: scormPack ? `./dist-scorm/build-${scormPack}` : process.env.COURSE_OUT_DIR ?? './dist',
  // Pages are prerendered by default; server routes opt out with `export const prerender = false`.
  output: 'static',
  // No request body over 4 MB is read at all (the largest accepted, a roster upload, is 2 MB; each
  // route sets its own smaller limit in src/lib/server/http.ts). The adapter's default is 1 GB.
  adapter: nodeWithHeaders({ mode: 'standalone', bodySizeLimit: 4 * 1024 * 1024 }),
  // No `window.__svelte` version marker: a few bytes off every island, within the quiz pages' 20 KB budget.
  integrations: [mdx(), svelte({ compilerOptions: { discloseVersion: false } })],
  // Cross-origin form posts are refused by src/middleware.ts (client.ts `crossSiteForm`), with the origin the
  // browser used: Astro's own check compares with `http://<Host>`, so behind a proxy that ends HTTPS it refused
  // every form. No `allowedDomains` either: with it, Astro's clientAddress would believe X-Forwarded-For from anyone.
  security: {
    checkOrigin: false,
    // Content-Security-Policy with hashes of the scripts and styles Astro emits (a <meta> on
    // prerendered pages, a header on on-demand ones); `frame-ancestors` is sent as a header by
    // src/lib/server/headers.ts. Off for the SCORM package, which the LMS serves in its own frame.
    csp: scormPack ? false : { directives: ["default-src 'self'", "img-src 'self' data:", "object-src 'none'", "base-uri 'self'", "form-action 'self'"] },
  },
  // No syntax highlighting: the course shows no code, and Shiki's inline styles would break the CSP.
  markdown: { syntaxHighlight: false },
  // Pages are linked with a trailing slash; API routes and the PDF are not. Both forms are accepted.
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  devToolbar: { enabled: false },
  vite: {
    plugins: [noModulePreload()],
    build: {
      rollupOptions: {
        // On-demand routes bundle the lesson collection; MDX modules' "use astro:head-inject"
        // directive is dropped when they are bundled, harmlessly (lesson pages are prerendered).
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
  },
});
