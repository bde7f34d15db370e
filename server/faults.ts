/**
 * Scripted faults: rules that make chosen requests fail with 500, 503, 429 or a dropped connection, either before
 * the change is applied or after it. Each rule counts the requests it watches from the moment it was set.
 */
import * as z from 'zod/mini';
import { createPrng } from './prng.js';

/** One fault rule, as `POST {base}/__dev/faults` accepts it. */
export const FaultRule = z
  .object({
    kind: z.enum(['500', '503', '429', 'drop']),
    when: z.enum(['before', 'after']),
    /** The n-th watched request from now (1-based) fails, and the following ones until `times` hits. */
    nth: z.optional(z.int().check(z.minimum(1))),
    /** Fraction of watched requests that fail, drawn from a PRNG seeded with `seed`. */
    rate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    seed: z.optional(z.int()),
    /** Seconds for the Retry-After header of 503 and 429 (default 1). */
    retryAfter: z.optional(z.int().check(z.minimum(0), z.maximum(3600))),
    /** How many requests this rule fails at most (default 1 with `nth`, unlimited with `rate`). */
    times: z.optional(z.int().check(z.minimum(1))),
    /** Which requests the rule watches: mutating ones (default) or every API request (reads too). */
    on: z.optional(z.enum(['mutating', 'all'])),
  })
  .check(z.refine((r) => (r.nth === undefined) !== (r.rate === undefined), { message: 'give exactly one of nth or rate' }));
export type FaultRule = z.infer<typeof FaultRule>;

/** Body of `POST {base}/__dev/faults`. */
export const FaultRules = z.object({ rules: z.array(FaultRule).check(z.maxLength(100)) });

/** A rule with its counters. */
interface ActiveRule {
  rule: FaultRule;
  seen: number;
  hits: number;
  random: () => number;
}

/** A fault chosen for one request. */
export interface Fault {
  kind: FaultRule['kind'];
  when: FaultRule['when'];
  retryAfter: number;
}

/** Default Retry-After (seconds) of 503 and 429 faults. */
export const DEFAULT_RETRY_AFTER = 1;

/** The fault rules of one world. */
export class FaultPlan {
  private active: ActiveRule[] = [];

  /** Replaces every rule; counting starts now. */
  set(rules: FaultRule[]): void {
    this.active = rules.map((rule) => ({ rule, seen: 0, hits: 0, random: createPrng(rule.seed ?? 1) }));
  }

  /** Removes every rule. */
  clear(): void {
    this.active = [];
  }

  /** The rules and how often each has fired. */
  describe(): { rules: FaultRule[]; hits: number[] } {
    return { rules: this.active.map((a) => a.rule), hits: this.active.map((a) => a.hits) };
  }

  /**
   * Counts one request against every rule watching it and returns the fault of the first rule that fires. Every
   * watching rule counts the request, even when an earlier one fired.
   */
  choose(mutating: boolean): Fault | undefined {
    let chosen: Fault | undefined;
    for (const a of this.active) {
      const { rule } = a;
      if (!mutating && rule.on !== 'all') continue;
      a.seen += 1;
      const limit = rule.times ?? (rule.nth !== undefined ? 1 : Infinity);
      if (a.hits >= limit) continue;
      const fires = rule.nth !== undefined ? a.seen >= rule.nth : a.random() < (rule.rate ?? 0);
      if (!fires || chosen) continue;
      a.hits += 1;
      chosen = { kind: rule.kind, when: rule.when, retryAfter: rule.retryAfter ?? DEFAULT_RETRY_AFTER };
    }
    return chosen;
  }
}
