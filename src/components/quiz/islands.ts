/**
 * Starting quiz islands. Each `[data-island]` element holds its component's props as JSON and a
 * server-rendered fallback (readable without JavaScript) that the component replaces. A
 * `<template data-prop="name">` in it passes server-rendered HTML as the prop `name`, a fragment
 * (links, say, which a SCORM build rewrites in the HTML but could not find in the JSON). Components
 * are mounted, not hydrated, and each page loads only its own island's module: with Astro's island
 * runtime (1.8 KB gzip) and its hydrating renderer, a scenario page went over its 20 KB budget.
 */
import { mount, type Component } from 'svelte';

/** Mounts `component` into every island named `name` on the page. */
export function start(name: string, component: Component<any>): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-island="${name}"]`)) {
    const data = el.querySelector('script[type="application/json"]');
    const props = JSON.parse(data?.textContent ?? '{}');
    for (const t of el.querySelectorAll<HTMLTemplateElement>('template[data-prop]')) props[t.dataset.prop!] = t.content;
    el.replaceChildren();
    mount(component, { target: el, props });
    el.dataset.ready = '';
  }
}
