/**
 * On narrow screens one panel shows at a time: Map, Filters or List, switched by the buttons in the
 * "Panels" navigation. On wide screens every panel is visible and the buttons are hidden by CSS.
 */
export type PanelName = 'map' | 'filters' | 'list';

export class ViewSwitcher {
  private readonly buttons: HTMLButtonElement[];

  constructor(
    nav: HTMLElement,
    private readonly layout: HTMLElement,
    private readonly onShow: (panel: PanelName) => void,
  ) {
    this.buttons = [...nav.querySelectorAll<HTMLButtonElement>('button[data-view]')];
    for (const button of this.buttons) {
      button.addEventListener('click', () => this.show(button.dataset.view as PanelName));
    }
  }

  show(panel: PanelName): void {
    this.layout.dataset.view = panel;
    for (const button of this.buttons)
      button.setAttribute('aria-pressed', String(button.dataset.view === panel));
    this.onShow(panel);
  }
}
