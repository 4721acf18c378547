// Entry for lesson pages: the knowledge check's code is fetched only when it comes near the
// viewport, as Astro's `client:visible` does. Kept free of imports so this entry stays tiny.
const island = document.querySelector('[data-island="knowledge-check"]');
if (island) {
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      import('./knowledge-check-mount.ts');
    }
  }, { rootMargin: '200px' });
  observer.observe(island);
}
