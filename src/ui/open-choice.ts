/**
 * Asks what to do with files opened while something is shown: add them to it, or replace it. A modal
 * <dialog> (focus moves into it and returns; Escape cancels).
 */
import { el } from '../dom/el';

export type OpenChoice = 'add' | 'replace' | 'cancel';

/** Resolves with the user's choice for `fileCount` files opened on top of `shownName`. */
export function askAddOrReplace(fileCount: number, shownName: string): Promise<OpenChoice> {
  return new Promise((resolve) => {
    const files = fileCount === 1 ? 'this file' : `these ${fileCount} files`;
    const add = el(
      'button',
      { className: 'button button-primary', attrs: { type: 'button', value: 'add' } },
      'Add to what is shown',
    );
    const replace = el(
      'button',
      { className: 'button', attrs: { type: 'button', value: 'replace' } },
      'Replace what is shown',
    );
    const cancel = el(
      'button',
      { className: 'button-link', attrs: { type: 'button', value: 'cancel' } },
      'Cancel',
    );
    const heading = el('h2', { attrs: { id: 'open-choice-heading' } }, `Open ${files}`);
    const dialog = el(
      'dialog',
      { className: 'open-choice', attrs: { 'aria-labelledby': 'open-choice-heading' } },
      heading,
      el('p', {}, `Now shown: ${shownName}. Add ${files} to it, or show only ${files}?`),
      el('p', { className: 'data-note' }, 'Incidents whose id is already shown are reported, never merged.'),
      el('div', { className: 'consent-actions' }, add, replace, cancel),
    );
    let answered = false;
    const answer = (choice: OpenChoice) => {
      if (answered) return;
      answered = true;
      dialog.close();
      dialog.remove();
      resolve(choice);
    };
    add.addEventListener('click', () => answer('add'));
    replace.addEventListener('click', () => answer('replace'));
    cancel.addEventListener('click', () => answer('cancel'));
    dialog.addEventListener('close', () => answer('cancel')); // Escape
    document.body.append(dialog);
    dialog.showModal();
    add.focus();
  });
}
