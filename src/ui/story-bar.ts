/**
 * The story bar: "Step N of M", the step's date and title, Previous / Next and Exit, above the map (on a
 * phone too, where it takes its own row rather than covering the map). While it is shown, ArrowLeft /
 * ArrowRight step and Escape exits from anywhere on the page except where those keys already mean
 * something: text fields, sliders (the timeline's handles) and the map itself (arrows pan it).
 *
 * The bar only shows what it is given and reports the user's choices; the Atlas holds the story.
 */
import './story-bar.css';
import { el } from '../dom/el';

export interface StoryBarOptions {
  onPrevious(): void;
  onNext(): void;
  onExit(): void;
}

/** What the bar shows. Text is untrusted (it comes from the data) and only ever becomes text nodes. */
export interface StoryBarState {
  /** 1-based. */
  readonly step: number;
  readonly total: number;
  readonly title: string;
  readonly date: string;
}

/** Keys keep their own meaning in these: typing, sliders, and the map (Leaflet pans with the arrows). */
function keysBelongTo(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, textarea, select, [contenteditable="true"], [role="slider"]')) return true;
  return target.classList.contains('leaflet-container');
}

export class StoryBar {
  private readonly root: HTMLElement;
  private readonly status: HTMLElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly exit: HTMLButtonElement;
  private readonly unlisteners: (() => void)[] = [];
  private listening = false;

  /** Builds the bar (hidden) as the first child of `host`. */
  constructor(
    host: HTMLElement,
    private readonly options: StoryBarOptions,
  ) {
    const button = (text: string, label: string, className: string) =>
      el(
        'button',
        { className: `button ${className}`, attrs: { type: 'button', 'aria-label': label } },
        text,
      );
    this.previous = button('\u2190 Previous', 'Previous step', 'story-previous');
    this.next = button('Next \u2192', 'Next step', 'story-next');
    this.exit = button('Exit', 'Exit story', 'story-exit');
    this.status = el('p', { className: 'story-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.root = el(
      'section',
      { className: 'story-bar', attrs: { 'aria-label': 'Story' } },
      this.status,
      el('div', { className: 'story-buttons' }, this.previous, this.next, this.exit),
    );
    this.root.hidden = true;
    host.prepend(this.root);
    this.listen(this.previous, 'click', () => this.act(this.previous, options.onPrevious));
    this.listen(this.next, 'click', () => this.act(this.next, options.onNext));
    this.listen(this.exit, 'click', () => options.onExit());
  }

  /** Shows the bar at `state`; `focus` moves keyboard focus to Next (or Previous on the last step). */
  show(state: StoryBarState, focus = false): void {
    const { step, total } = state;
    this.status.replaceChildren(
      el('strong', {}, `Step ${step} of ${total}`),
      el('span', { className: 'story-date' }, ` \u00b7 ${state.date} \u00b7 `),
      el('span', { className: 'story-title' }, state.title),
    );
    // aria-disabled rather than disabled, so a focused button keeps focus at either end of the story.
    this.previous.setAttribute('aria-disabled', String(step <= 1));
    this.next.setAttribute('aria-disabled', String(step >= total));
    this.root.hidden = false;
    if (!this.listening) {
      this.listening = true;
      document.addEventListener('keydown', this.onKey);
    }
    if (focus) (step >= total ? this.previous : this.next).focus();
  }

  /** Hides the bar and stops listening to the keys. */
  hide(): void {
    this.root.hidden = true;
    if (this.listening) {
      this.listening = false;
      document.removeEventListener('keydown', this.onKey);
    }
  }

  /** Removes the bar and every listener it added. */
  destroy(): void {
    this.hide();
    for (const unlisten of this.unlisteners.splice(0)) unlisten();
    this.root.remove();
  }

  private act(button: HTMLButtonElement, action: () => void): void {
    if (button.getAttribute('aria-disabled') !== 'true') action();
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (keysBelongTo(event.target)) return;
    if (event.key === 'ArrowLeft') this.act(this.previous, this.options.onPrevious);
    else if (event.key === 'ArrowRight') this.act(this.next, this.options.onNext);
    else if (event.key === 'Escape') this.options.onExit();
    else return;
    event.preventDefault();
  };

  private listen(target: HTMLElement, type: 'click', handler: () => void): void {
    target.addEventListener(type, handler);
    this.unlisteners.push(() => target.removeEventListener(type, handler));
  }
}
