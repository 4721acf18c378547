// Entry for lesson pages. The knowledge check's controls are in the HTML; the code that checks
// answers (check-enhance.ts) is fetched as the check nears the viewport, as Astro's `client:visible`
// does, or as soon as a control in it gets focus. A submit before it has arrived waits for it
// rather than reloading the page. When this device has answers to restore, it is fetched at once,
// so they are in place (and the page below them has moved) before the check is scrolled to.
// Its only import is the progress module the progress indicator has already loaded.
import { storageKey } from '../../lib/progress.ts';

const root = document.getElementById('check');
if (root) {
  let submit: Promise<(form: HTMLFormElement) => void> | undefined;
  const load = () =>
    (submit ??= import('./check-enhance.ts').then(
      (m) => m.enhance(root),
      (error) => { submit = undefined; throw error; }, // offline for a moment: try again next time
    ));
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      void load();
    }
  }, { rootMargin: '200px' });
  observer.observe(root);
  root.addEventListener('focusin', () => void load());
  root.addEventListener('submit', (event) => {
    event.preventDefault();
    void load().then((check) => check(event.target as HTMLFormElement));
  });
  try {
    const saved = localStorage.getItem(storageKey(root.dataset.pack ?? '')) ?? '';
    if ([...root.querySelectorAll<HTMLElement>('[data-question]')].some((form) => saved.includes(`"${form.dataset.question}":`))) void load();
  } catch {
    // storage blocked: nothing to restore
  }
}
