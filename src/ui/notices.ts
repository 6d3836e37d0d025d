/**
 * Messages above the map: what could not be loaded (where and why), link parameters that were ignored,
 * and failures. Every message is built from text nodes and can be dismissed.
 */
import { el } from '../dom/el';
import { countSkipped, formatIssue, type LoadIssue } from '../domain/issues';

type Tone = 'error' | 'warning' | 'info';

export class Notices {
  constructor(private readonly container: HTMLElement) {}

  /** Adds a notice; `key` replaces an earlier notice with the same key. Returns its element. */
  show(key: string, tone: Tone, heading: string, ...body: (Node | string)[]): HTMLElement {
    this.remove(key);
    const dismiss = el('button', { className: 'button-link', attrs: { type: 'button' } }, 'Dismiss');
    const notice = el(
      'section',
      {
        className: `notice notice-${tone}`,
        attrs: { 'data-notice': key, role: tone === 'error' ? 'alert' : 'status', 'aria-label': heading },
      },
      el('h2', {}, heading),
      ...body,
      el('div', { className: 'notice-actions' }, dismiss),
    );
    dismiss.addEventListener('click', () => notice.remove());
    this.container.appendChild(notice);
    return notice;
  }

  remove(key: string): void {
    for (const node of this.container.querySelectorAll(`[data-notice="${CSS.escape(key)}"]`)) node.remove();
  }

  /** The load report: skipped features with reasons, then warnings, for the dataset called `name`. */
  showLoadReport(name: string, loaded: number, issues: readonly LoadIssue[]): void {
    this.remove('load');
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.filter((i) => i.severity === 'warning');
    if (errors.length === 0 && warnings.length === 0) return;
    const skipped = countSkipped(issues);
    const list = (items: readonly LoadIssue[]) =>
      el('ul', {}, ...items.map((i) => el('li', {}, formatIssue(i))));
    const heading =
      skipped > 0
        ? `${skipped} feature${skipped === 1 ? '' : 's'} could not be loaded from ${name}; ${loaded} loaded.`
        : `${loaded} incident${loaded === 1 ? '' : 's'} loaded from ${name}, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}.`;
    this.show(
      'load',
      skipped > 0 ? 'warning' : 'info',
      heading,
      errors.length > 0 ? list(errors) : '',
      warnings.length > 0 && errors.length > 0
        ? el(
            'details',
            {},
            el('summary', {}, `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`),
            list(warnings),
          )
        : '',
      warnings.length > 0 && errors.length === 0 ? list(warnings) : '',
    );
  }
}
