/**
 * What the page says while a dataset loads: the bytes received (of how many, when the server says), and
 * a Cancel button. Shown only when loading takes longer than a blink, so a quick load does not flash.
 */
import { el } from '../dom/el';
import { formatBytes, type ReadProgress } from '../io/byte-progress';
import type { Notices } from './notices';

/**
 * Where a load's preview is drawn (map/load-preview.ts, through main.ts): the incidents of a streamed file
 * as they are read (x, y Web-Mercator pairs), until `clear`.
 */
export interface PointsPreview {
  add(xy: Float32Array): void;
  clear(): void;
}

const SHOW_AFTER_MS = 300; // a load that ends sooner shows no progress at all
const KEY = 'loading';

export class LoadProgress {
  private readonly text = el('span', { className: 'load-progress-text' }, 'Waiting for the server…');
  private readonly bar = el('progress', { attrs: { max: '1' } });
  private timer: ReturnType<typeof setTimeout> | null;

  /** Starts showing progress for `name` after a short delay; `onCancel` runs when the user cancels. */
  constructor(
    private readonly notices: Notices,
    name: string,
    onCancel: () => void,
  ) {
    this.bar.setAttribute('aria-label', `Loading ${name}`);
    this.timer = setTimeout(() => {
      this.timer = null;
      const cancel = el('button', { className: 'button', attrs: { type: 'button' } }, 'Cancel');
      cancel.addEventListener('click', onCancel);
      const notice = this.notices.show(
        KEY,
        'info',
        `Loading ${name}…`,
        el('p', { className: 'load-progress' }, this.bar, ' ', this.text),
        el('div', { className: 'consent-actions' }, cancel),
      );
      // Cancel is the way out; a Dismiss that hides a load still running would only confuse.
      notice.querySelector(':scope > .notice-actions')?.remove();
      notice.setAttribute('aria-busy', 'true');
    }, SHOW_AFTER_MS);
  }

  /** Shows how far work other than a download has come, in words. */
  say(text: string): void {
    this.bar.removeAttribute('value');
    this.text.textContent = text;
  }

  /** Shows how far the load has come. */
  update({
    received,
    total,
    features,
    unit,
  }: ReadProgress & { readonly features?: number; readonly unit?: 'rows' }): void {
    const read = features ? ` · ${features.toLocaleString('en-US')} ${unit ?? 'features'} read` : '';
    if (total !== null && total > 0) {
      this.bar.value = Math.min(1, received / total);
      this.text.textContent = `${formatBytes(received)} of ${formatBytes(total)} received${read}`;
    } else {
      this.bar.removeAttribute('value'); // indeterminate
      this.text.textContent = `${formatBytes(received)} received${read}`;
    }
  }

  /** The load ended (in any way): remove the progress. */
  done(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.notices.remove(KEY);
  }
}
