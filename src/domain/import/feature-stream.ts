/**
 * Splits a GeoJSON FeatureCollection arriving in chunks into its features, one JSON text each, so no
 * file is ever held as one string (Chromium cannot hold one over ~512 M characters) and features can be
 * read while the rest is still downloading.
 *
 * A byte-level scanner: it tracks string/escape state and bracket depth. Inside the top-level `features`
 * array (depth 2) each element is cut out whole — an object, array, string or bare value such as `0` —
 * and handed to the sink as text. Every other top-level member (`type`, `name`, `crs`, …) is collected
 * whole and returned by `end()`. It does not validate JSON: each text goes to JSON.parse, whose error then
 * names that feature. Memory: one element's bytes at a time, plus the small top-level members.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** An element being cut out: a feature (inside `features`) or a top-level member's value. */
interface Element {
  readonly kind: 'feature' | 'member';
  /** The depth outside the element: it ends when a closing bracket brings the depth back to this. */
  readonly outer: number;
  /** `bare`: a number, true, false or null, ended by the next comma or closing bracket. */
  readonly shape: 'nested' | 'string' | 'bare';
}

export class FeatureStream {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private depth = 0;
  private inString = false;
  private escaped = false;
  private started = false;
  private bomChecked = false;
  private element: Element | null = null;
  private parts: Uint8Array[] = [];
  private partStart = -1; // where the element's bytes begin in the current chunk, or -1
  private offset = 0; // bytes before the current chunk
  private elementStart = 0; // where the element being cut begins, in bytes from the first chunk
  private key: number[] | null = null; // bytes of a top-level key being read
  private lastKey: string | null = null;
  private afterColon = false; // a top-level value is due
  private inFeatures = false;
  private featuresSeen = false;
  private memberKey: string | null = null;
  private readonly members: Record<string, string> = {};
  /** Features cut so far. */
  count = 0;

  /**
   * `onFeature` receives each feature's JSON text, in order, and the bytes it was decoded from (views that
   * are valid only during the call), and where they begin, in bytes from the start of the first chunk.
   * With `decode: false` the text is '' and only the bytes are given (a caller that reads them elsewhere
   * saves decoding them here).
   */
  constructor(
    private readonly onFeature: (text: string, bytes: readonly Uint8Array[], start: number) => void,
    private readonly options: { readonly decode: boolean } = { decode: true },
  ) {}

  /** Feeds the next chunk of bytes. Throws a SyntaxError when the input is not a JSON object. */
  push(chunk: Uint8Array): void {
    let i = 0;
    if (!this.bomChecked && chunk.length > 0) {
      this.bomChecked = true;
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
    }
    this.partStart = this.element === null ? -1 : i;
    const n = chunk.length;
    while (i < n) {
      // Nearly every byte is inside a feature object: skip through it in a tight loop that only tracks
      // strings and brackets, and hand the structural bytes between features to `step`.
      if (this.element !== null && this.element.shape === 'nested' && this.depth > this.element.outer) {
        i = this.skipNested(chunk, i);
        continue;
      }
      this.step(chunk, i);
      i++;
    }
    if (this.element !== null && this.partStart >= 0) this.parts.push(chunk.slice(this.partStart));
    this.partStart = -1;
    this.offset += n;
  }

  /**
   * Ends the input: the top-level members other than `features` (as JSON texts) and whether a `features`
   * array was found. Throws a SyntaxError when the input ended inside the collection (truncated).
   */
  end(): { members: Readonly<Record<string, string>>; hasFeatures: boolean } {
    if (!this.started) throw new SyntaxError('the file holds no JSON object');
    if (this.depth !== 0 || this.inString || this.element !== null) {
      throw new SyntaxError(`the file ends inside the collection, after ${this.count} features (truncated?)`);
    }
    return { members: this.members, hasFeatures: this.featuresSeen };
  }

  private step(chunk: Uint8Array, i: number): void {
    const b = chunk[i] as number;
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (b === BACKSLASH) this.escaped = true;
      else if (b === QUOTE) {
        this.inString = false;
        if (this.key !== null) {
          this.lastKey = JSON.parse(`"${this.decoder.decode(Uint8Array.from(this.key))}"`) as string;
          this.key = null;
        } else if (this.element?.shape === 'string' && this.depth === this.element.outer)
          this.close(chunk, i + 1);
      }
      if (this.key !== null && this.inString) this.key.push(b);
      return;
    }
    if (isSpace(b)) return;
    if (!this.started) {
      if (b !== OPEN_BRACE) throw new SyntaxError('expected a JSON object ({…}) at the start');
      this.started = true;
      this.depth = 1;
      return;
    }
    const el = this.element;
    if (
      el?.shape === 'bare' &&
      this.depth === el.outer &&
      (b === COMMA || b === CLOSE_BRACKET || b === CLOSE_BRACE)
    ) {
      this.close(chunk, i);
    }
    if (this.element === null) this.maybeOpen(chunk, i, b);
    switch (b) {
      case QUOTE:
        this.inString = true;
        if (this.depth === 1 && this.element === null && !this.afterColon) this.key = [];
        return;
      case COLON:
        if (this.depth === 1 && this.element === null) this.afterColon = true;
        return;
      case OPEN_BRACE:
      case OPEN_BRACKET:
        this.depth++;
        if (this.depth === 2 && b === OPEN_BRACKET && this.lastKey === 'features' && this.element === null) {
          this.inFeatures = true;
          this.featuresSeen = true;
        }
        return;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        this.depth--;
        if (this.inFeatures && this.depth === 1) this.inFeatures = false;
        if (this.element?.shape === 'nested' && this.depth === this.element.outer) this.close(chunk, i + 1);
        return;
      default:
        return;
    }
  }

  /**
   * Scans a nested element from `i` until it closes (cutting it there) or the chunk ends; returns the
   * index of the next byte to look at. The same rules as `step` for strings, escapes and depth.
   */
  private skipNested(chunk: Uint8Array, i: number): number {
    const element = this.element as Element;
    const n = chunk.length;
    let depth = this.depth;
    let inString = this.inString;
    let escaped = this.escaped;
    for (; i < n; i++) {
      const b = chunk[i] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (b === BACKSLASH) escaped = true;
        else if (b === QUOTE) inString = false;
      } else if (b === QUOTE) inString = true;
      else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
      else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
        depth--;
        if (depth === element.outer) {
          this.depth = depth;
          this.inString = false;
          this.escaped = false;
          this.close(chunk, i + 1);
          return i + 1;
        }
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return n;
  }

  /** Starts cutting when a value begins inside `features` or after a top-level key. */
  private maybeOpen(chunk: Uint8Array, i: number, b: number): void {
    if (b === COMMA || b === COLON || b === CLOSE_BRACE || b === CLOSE_BRACKET) return;
    const shape = b === OPEN_BRACE || b === OPEN_BRACKET ? 'nested' : b === QUOTE ? 'string' : 'bare';
    if (this.inFeatures && this.depth === 2) {
      this.open({ kind: 'feature', outer: 2, shape }, i);
    } else if (this.depth === 1 && this.afterColon) {
      this.afterColon = false;
      if (this.lastKey === 'features' && b === OPEN_BRACKET) return; // the array itself is not collected
      this.memberKey = this.lastKey;
      this.open({ kind: 'member', outer: 1, shape }, i);
    }
    void chunk;
  }

  private open(element: Element, i: number): void {
    this.element = element;
    this.parts = [];
    this.partStart = i;
    this.elementStart = this.offset + i;
  }

  private close(chunk: Uint8Array, end: number): void {
    const element = this.element;
    if (element === null) return;
    this.parts.push(chunk.subarray(this.partStart, end));
    this.partStart = -1;
    this.element = null;
    const bytes = this.parts;
    if (element.kind === 'feature') {
      this.count++;
      if (this.options.decode) this.onFeature(this.text(), bytes, this.elementStart);
      else {
        this.parts = [];
        this.onFeature('', bytes, this.elementStart);
      }
    } else if (this.memberKey !== null) {
      this.members[this.memberKey] = this.text();
      this.memberKey = null;
    }
  }

  private text(): string {
    if (this.parts.length === 1) {
      const only = this.parts[0] as Uint8Array;
      this.parts = [];
      return this.decoder.decode(only);
    }
    let length = 0;
    for (const part of this.parts) length += part.length;
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of this.parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.parts = [];
    return this.decoder.decode(joined);
  }
}
