/**
 * The quick exit, when JavaScript runs: the link and three presses of Escape replace this page's
 * history entry with the neutral page (location.replace), so Back does not return to the report.
 * Without JavaScript the control is a plain link to the same page.
 */
import { ESCAPE_PRESSES, ESCAPE_WINDOW_MS, NEUTRAL_URL } from '../lib/quick-exit.ts';

function leave(): void {
  // Hide the page at once: the neutral page may take a moment to load on a slow connection.
  document.body.hidden = true;
  location.replace(NEUTRAL_URL);
}

export function enableQuickExit(): void {
  const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  if (!link) return;
  link.addEventListener('click', (event) => {
    event.preventDefault();
    leave();
  });
  // The shortcut only works with JavaScript, so its hint is shown only now.
  const hint = document.querySelector<HTMLElement>('[data-quick-exit-hint]');
  if (hint) hint.hidden = false;

  let presses: number[] = [];
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const now = event.timeStamp;
    presses = presses.filter((at) => now - at < ESCAPE_WINDOW_MS);
    presses.push(now);
    if (presses.length >= ESCAPE_PRESSES) leave();
  });
}
