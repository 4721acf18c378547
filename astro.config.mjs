// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import node from '@astrojs/node';

export default defineConfig({
  // Pages are prerendered by default; server routes opt out with `export const prerender = false`.
  output: 'static',
  adapter: node({ mode: 'standalone' }),
  integrations: [mdx(), svelte()],
  // Refuse cross-origin form posts to on-demand routes.
  security: { checkOrigin: true },
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  server: { port: Number(process.env.PORT ?? 4321), host: process.env.HOST ?? 'localhost' },
  devToolbar: { enabled: false },
});
