/**
 * The header's dataset line: what is shown and where it came from. Data from another site is labelled
 * as such, so nobody takes it for ours.
 */
import { el } from '../dom/el';
import type { Dataset } from '../domain/dataset';
import type { LoadIssue } from '../domain/issues';
import type { Notices } from './notices';

export interface HeaderParts {
  readonly name: HTMLElement;
  readonly count: HTMLElement;
  readonly clear: HTMLButtonElement;
}

/** Names the mounted dataset in the header, with a label when it comes from another site. */
export function showDatasetHeader(parts: HeaderParts, dataset: Dataset): void {
  parts.name.replaceChildren(dataset.name);
  const origins = dataset.origin.kind === 'several' ? dataset.origin.parts : [dataset.origin];
  for (const origin of origins) {
    if (origin.kind !== 'url' || !origin.crossOrigin) continue;
    parts.name.append(
      el(
        'span',
        { className: 'dataset-origin', attrs: { title: origin.url } },
        `data from ${origin.host}, not from Incident Atlas`,
      ),
    );
  }
}

/**
 * Nothing could be mounted at start: say so in the header and in an alert with the reason, and offer the
 * bundled dataset when a link asked for another one.
 */
export function showLoadFailure(
  parts: HeaderParts,
  notices: Notices,
  message: string,
  issues: readonly LoadIssue[],
  offerBundled: boolean,
): void {
  parts.name.textContent = 'No dataset loaded';
  parts.count.textContent = 'No incidents';
  parts.clear.disabled = true;
  notices.showLoadFailed(
    'the dataset',
    message,
    issues,
    offerBundled
      ? el(
          'p',
          {},
          el('a', { attrs: { href: window.location.pathname } }, 'Open the bundled dataset instead'),
        )
      : null,
  );
}
