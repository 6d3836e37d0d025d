/**
 * The rule that picks one casualty figure where reports disagree (latest, highest or lowest report): one
 * preference for the whole page, remembered in this browser. The list names it and uses it; the CSV export
 * writes the figure it picks.
 */
import { COUNT_RULES, type CountRule } from '../domain/counts';

const KEY = 'incident-atlas.count-rule';

export class CountRulePreference {
  private rule: CountRule;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    let stored: string | null = null;
    try {
      stored = storage?.getItem(KEY) ?? null;
    } catch {
      stored = null;
    }
    this.rule = (COUNT_RULES as readonly string[]).includes(stored ?? '') ? (stored as CountRule) : 'latest';
  }

  get(): CountRule {
    return this.rule;
  }

  set(rule: CountRule): void {
    this.rule = rule;
    try {
      this.storage?.setItem(KEY, rule);
    } catch {
      // Storage blocked: the choice holds for this visit.
    }
  }
}
