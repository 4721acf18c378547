/** Moves focus to an element by ID once the browser has drawn the change that created it. */
export function focusLater(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}
