/**
 * Warns two minutes before the admin session ends and lets the officer extend it with one press
 * (WCAG 2.2.1). The server says how long is left; "Stay signed in" asks /admin/session/, which
 * renews the idle timer. The 8-hour limit cannot be extended: the warning then says so.
 */
export const WARN_SECONDS = 120;

const time = (at: Date) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);

export function startSessionWarning(): void {
  const dialog = document.querySelector<HTMLElement>('[data-session-warning]');
  if (!dialog) return;
  const text = dialog.querySelector<HTMLElement>('[data-session-text]')!;
  const stay = dialog.querySelector<HTMLButtonElement>('[data-session-stay]')!;
  const dismiss = dialog.querySelector<HTMLButtonElement>('[data-session-dismiss]')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let endTimer: ReturnType<typeof setTimeout> | undefined;
  let returnTo: HTMLElement | null = null;

  const close = () => {
    dialog.hidden = true;
    returnTo?.focus();
  };
  const show = (ends: Date, extendable: boolean) => {
    returnTo = document.activeElement instanceof HTMLElement && !dialog.contains(document.activeElement) ? document.activeElement : null;
    text.textContent = extendable
      ? `For your security you will be signed out at ${time(ends)}, in about 2 minutes, unless you stay signed in. Anything you have typed and not sent is kept if you are signed out.`
      : `Sessions last at most 8 hours: you will be signed out at ${time(ends)}. Send anything you have typed now, then sign in again.`;
    stay.hidden = !extendable;
    dialog.hidden = false;
    (extendable ? stay : dismiss).focus();
  };
  const schedule = (seconds: number, extendable: boolean) => {
    clearTimeout(timer);
    clearTimeout(endTimer);
    const ends = new Date(Date.now() + seconds * 1000);
    timer = setTimeout(() => show(ends, extendable), Math.max(0, seconds - WARN_SECONDS) * 1000);
    endTimer = setTimeout(() => {
      text.textContent = 'You have been signed out. Anything you send now is kept: you will be asked to sign in, then to send it again.';
      stay.hidden = true;
    }, seconds * 1000);
  };

  stay.addEventListener('click', async () => {
    const response = await fetch('/admin/session/', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
    if (!response?.ok) {
      text.textContent = 'You have already been signed out. Anything you send now is kept: you will be asked to sign in, then to send it again.';
      stay.hidden = true;
      dismiss.focus();
      return;
    }
    const left = (await response.json()) as { seconds: number; extendable: boolean };
    schedule(left.seconds, left.extendable);
    close();
  });
  dismiss.addEventListener('click', close);
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  schedule(Number(dialog.dataset.seconds), dialog.dataset.extendable === 'true');
}
