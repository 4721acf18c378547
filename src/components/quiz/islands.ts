/**
 * Starting quiz islands. Each `[data-island]` element holds its component's props as JSON and a
 * server-rendered fallback (readable without JavaScript) that the component replaces. Components
 * are mounted, not hydrated, and each page loads only its own island's module: with Astro's island
 * runtime (1.8 KB gzip) and its hydrating renderer, a scenario page went over its 20 KB budget.
 */
import { mount, type Component } from 'svelte';

/** Mounts `component` into every island named `name` on the page. */
export function start(name: string, component: Component<any>): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const data = el.querySelector('script[type="application/json"]');
    const props = JSON.parse(data?.textContent ?? '{}');
    el.replaceChildren();
    mount(component, { target: el, props });
    el.dataset.ready = '';
  }
}
