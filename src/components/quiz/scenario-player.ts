// Entry for scenario pages. The player is in the page already (rendered on the server in its
// starting state), so its code (mostly the Svelte runtime) is fetched just after the page has
// painted rather than holding back the first paint on a slow connection. Focus or a press on the
// player before then fetches it at once, and a button pressed meanwhile is pressed again once the
// player is there (it renders the same buttons in the same order).
const island = document.querySelector('[data-island="scenario-player"]');
if (island) {
  let loading: Promise<unknown> | undefined;
  const load = () => (loading ??= import('./scenario-player-mount.ts'));
  island.addEventListener('focusin', load);
  island.addEventListener('click', (event) => {
    if ((island as HTMLElement).dataset.ready !== undefined) return;
    const pressed = [...island.querySelectorAll('button')].indexOf((event.target as Element).closest('button')!);
    void load().then(() => pressed >= 0 && island.querySelectorAll('button')[pressed]?.click());
  });
  const afterPaint = () => requestAnimationFrame(() => setTimeout(load));
  if (document.readyState === 'complete') afterPaint();
  else addEventListener('load', afterPaint, { once: true });
}
