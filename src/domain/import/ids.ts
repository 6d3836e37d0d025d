/**
 * Incident ids: unique within a dataset, well-formed Unicode, and generated ids that never take an id the
 * file gives explicitly (issue 6.5: an explicit `feature-2` and an id-less second feature both became
 * `feature-2`, so a shared `?id=feature-2` opened the wrong incident).
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Why `text` cannot be an id, or null when it can: a lone UTF-16 surrogate (`"x\ud800y"`, valid JSON)
 * makes `encodeURIComponent` throw, so such an id could never be put in a link.
 */
export function idProblem(text: string): string | null {
  const m = LONE_SURROGATE.exec(text);
  if (m === null) return null;
  return `is not well-formed Unicode (a lone surrogate U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase()} at position ${m.index}); it could never be put in a link`;
}

/** The ids of one dataset: those the file gives, and those taken so far. */
export class IdRegistry {
  private readonly given: Set<string>;
  private readonly taken = new Set<string>();

  /**
   * `given`: ids the file states explicitly. Every id the file states must be given (here or by `give`)
   * before an id is generated.
   */
  constructor(given: Iterable<string>) {
    this.given = new Set(given);
  }

  /** Notes an id the file states explicitly. */
  give(id: string): void {
    this.given.add(id);
  }

  /** True when a record has taken `id` (explicitly or generated). */
  isTaken(id: string): boolean {
    return this.taken.has(id);
  }

  /** Takes an explicit id; false when an earlier record already has it. */
  claim(id: string): boolean {
    const before = this.taken.size;
    this.taken.add(id); // one lookup, not `has` then `add`: a million ids make each cost a cache miss
    return this.taken.size > before;
  }

  /** A fresh id for a record without one: `base`, else `base~2`, `base~3`… never one the file gives. */
  generate(base: string): string {
    let id = base;
    for (let n = 2; this.given.has(id) || this.taken.has(id); n++) id = `${base}~${n}`;
    this.taken.add(id);
    return id;
  }
}

/**
 * Ids for a stream of features: a feature without an id cannot be given one until every id of the file is
 * known (a generated `feature-3` must not take the id a later feature gives), so `generate` hands out the
 * base for now and notes it; the reader generates the real ids when the features end.
 */
export class LaterIds extends IdRegistry {
  /** Bases handed out and not yet taken by the reader (at most one: a record asks for one id). */
  readonly pending: string[] = [];

  override generate(base: string): string {
    this.pending.push(base);
    return base;
  }

  /** Generates the real id for a base handed out earlier. */
  generateNow(base: string): string {
    return super.generate(base);
  }
}
