/**
 * The loading worker's side of the feature reader (parse-worker.ts): collects the features it cuts into
 * batches, sends them (transferred, not copied), keeps at most a few batches in flight so a slower reader
 * holds the download back instead of piling up bytes, and gathers the columnar store at the end.
 */
import type { DerivedImport } from '../domain/import/result';
import type { LoadIssue } from '../domain/issues';
import type { ReaderMessage, ReaderRequest } from './load-protocol';

const BATCHES = {
  bytes: 512 * 1024, // feature bytes per batch (~400 features of ~1.2 kB)
  inFlight: 4, // batches sent and not yet read before the loading worker waits: what is left to read at the end
};

const OPEN_BRACKET = 0x5b;
const COMMA = 0x2c;
const CLOSE_BRACKET = 0x5d;

export interface ParseEvents {
  /** The reader has read `count` features in all. */
  readonly onRead: (count: number) => void;
  /** Feature `feature` (from 1) is not UTF-8 (`utf8` false) or not JSON. */
  readonly onFailed: (feature: number, why: string, utf8: boolean) => void;
  /** Where the incidents of a batch lie (x, y Web-Mercator pairs), when the reader was started with a trail. */
  readonly onPoints?: (xy: Float32Array) => void;
}

/** A feature reader in a worker of its own; fed in file order, ended once. */
export class ParseClient {
  private readonly worker: Worker;
  private bytes = new Uint8Array(BATCHES.bytes);
  private used = 0;
  private ends: number[] = [];
  private sent = 0;
  private read = 0;
  private stopped = false;
  private bug: string | null = null;
  private isDrained = false;
  private result: DerivedImport | null = null;
  private waiter: (() => void) | null = null;

  private events: ParseEvents | null = null;

  /**
   * Starts the reader's worker at once, so it is ready when the first features are; with `trail`, it
   * tells where each batch's incidents lie (`onPoints`).
   */
  constructor(file: string, strict: boolean, trail = false) {
    this.worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'incident-reader',
    });
    this.worker.addEventListener('message', (event: MessageEvent<ReaderMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'read':
          this.read++;
          if (message.points) this.events?.onPoints?.(message.points);
          this.events?.onRead(message.count);
          break;
        case 'failed':
          this.stopped = true;
          this.events?.onFailed(message.feature, message.why, message.utf8);
          break;
        case 'error':
          this.stop(message.message);
          break;
        case 'drained':
          this.isDrained = true;
          break;
        case 'done':
          this.result = message.result;
          break;
      }
      this.wakeUp();
    });
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.stop(event.message || 'the feature reader could not start');
      this.wakeUp();
    });
    this.send({ type: 'start', file, strict, trail });
  }

  /** Tells `events` what the reader says from now on (before the first feature is added). */
  listen(events: ParseEvents): void {
    this.events = events;
  }

  /** Why the reader stopped on an error of its own (a bug, or it could not start), or null. */
  get error(): string | null {
    return this.bug;
  }

  /**
   * Adds the next feature's bytes (views valid only during the call). A batch is written as a JSON array
   * of its features, `[f1,f2,…]`, so the reader can decode and parse it in one call.
   */
  add(parts: readonly Uint8Array[]): void {
    let length = 0;
    for (const part of parts) length += part.length;
    if (this.used + length + 2 > this.bytes.length) {
      this.flush();
      if (length + 2 > this.bytes.length) this.bytes = new Uint8Array(length + 2);
    }
    this.bytes[this.used++] = this.ends.length === 0 ? OPEN_BRACKET : COMMA;
    for (const part of parts) {
      this.bytes.set(part, this.used);
      this.used += part.length;
    }
    this.ends.push(this.used);
  }

  /** Resolves once few enough batches are in flight to read on (at once, mostly), or the reader stopped. */
  async ready(): Promise<void> {
    while (!this.stopped && this.sent - this.read >= BATCHES.inFlight) await this.nextMessage();
  }

  /** Sends what is batched and resolves once the reader has read every feature sent, or stopped. */
  async drain(): Promise<void> {
    this.flush();
    this.isDrained = false;
    this.send({ type: 'drain' });
    while (!this.stopped && !this.isDrained) await this.nextMessage();
  }

  /** Ends the features: the store the reader derived, with `notes` first; null when it stopped early. */
  async end(notes: LoadIssue[]): Promise<DerivedImport | null> {
    this.send({ type: 'end', notes });
    while (!this.stopped && this.result === null) await this.nextMessage();
    return this.result;
  }

  terminate(): void {
    this.worker.terminate();
  }

  private flush(): void {
    if (this.ends.length === 0) return;
    this.bytes[this.used++] = CLOSE_BRACKET;
    const bytes = this.bytes.subarray(0, this.used);
    const ends = Uint32Array.from(this.ends);
    this.bytes = new Uint8Array(BATCHES.bytes);
    this.used = 0;
    this.ends = [];
    this.sent++;
    this.send({ type: 'features', bytes, ends }, [bytes.buffer, ends.buffer]);
  }

  private send(request: ReaderRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private stop(why: string): void {
    this.stopped = true;
    this.bug ??= why;
  }

  private nextMessage(): Promise<void> {
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  private wakeUp(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
