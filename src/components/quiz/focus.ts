/** Moves focus to an element by ID once the browser has drawn the change that created it. */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/**
 * Moves focus to an element by ID once drawn, then scrolls (as little as it can) so the next
 * control of its quiz, marked `data-next`, is in view too, as long as the focused element stays on
 * screen: after a decision the learner sees its feedback and the next question together.
 */
export function focusAndReveal(id: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    el.focus({ preventScroll: true });
    const margin = 16;
    const box = el.getBoundingClientRect();
    const next = el.closest('.cc-player')?.querySelector('[data-next]')?.getBoundingClientRect().bottom ?? 0;
    const down = Math.max(box.bottom, next) + margin - innerHeight;
    const by = Math.min(Math.max(down, 0), box.top - margin);
    if (by !== 0) scrollBy(0, by);
  });
}
