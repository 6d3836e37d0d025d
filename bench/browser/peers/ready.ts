/** The page API the harness drives, and how a page says it has painted (no Leaflet here). */

/** What a page tells the harness; the harness checks `count` against the generator's own count. */
export interface BenchApi {
  /** Shows the incidents from local day `from` (days since 1970-01-01; null = all) with any of `actors`. */
  filter(from: number | null, actors: readonly string[]): Promise<number>;
  count(): number;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    __benchReady?: number;
    /** When the first incidents were painted, for a page that shows them before all are in. */
    __benchFirst?: number;
    __benchError?: string;
  }
}

/** Sets window.__benchReady once the frame after the call is painted (a task after the next frame). */
export function markPainted(): Promise<number> {
  return new Promise((done) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        const t = performance.now();
        window.__benchReady ??= t;
        done(t);
      }, 0),
    ),
  );
}

/** Sets window.__benchFirst once the frame after the call is painted: the first incidents are shown. */
export function markFirstPainted(): void {
  requestAnimationFrame(() =>
    setTimeout(() => {
      window.__benchFirst ??= performance.now();
    }, 0),
  );
}

/** Runs the page's setup and reports any failure where the harness looks for it. */
export function start(setup: () => Promise<void>): void {
  setup().catch((error: unknown) => {
    window.__benchError = error instanceof Error ? error.message : String(error);
  });
}
