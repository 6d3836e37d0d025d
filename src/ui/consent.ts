/**
 * Asks once before loading data from another site: a link can point every visitor's browser at any
 * server and show its incidents under our name. The question is a notice with two buttons; the caller
 * remembers a "Load" per origin.
 */
import { el } from '../dom/el';
import type { Notices } from './notices';

const KEY = 'consent';

/** Resolves true when the user chooses Load, false for Don't load. `host` is shown as text. */
export function askToLoadFrom(notices: Notices, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const load = el('button', { className: 'button button-primary', attrs: { type: 'button' } }, 'Load');
    const refuse = el('button', { className: 'button', attrs: { type: 'button' } }, "Don't load");
    const answer = (yes: boolean) => {
      notices.remove(KEY);
      resolve(yes);
    };
    load.addEventListener('click', () => answer(true));
    refuse.addEventListener('click', () => answer(false));
    const notice = notices.show(
      KEY,
      'warning',
      `This link loads incidents from ${host}`,
      el(
        'p',
        {},
        'Incident Atlas did not make or check this data. Load it only if you trust ',
        el('strong', {}, host),
        '. Your answer for this site is remembered in this browser.',
      ),
      el('div', { className: 'consent-actions' }, load, refuse),
    );
    // The question needs an answer: no generic Dismiss that would leave it open forever.
    notice.querySelector(':scope > .notice-actions')?.remove();
    load.focus();
  });
}
