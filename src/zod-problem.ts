/**
 * A zod issue as data the elements can word in any language. Apart from src/zod.ts (which carries zod's English
 * locale) so that src/errors.ts, which every entry imports, stays light.
 */
import type { z } from 'zod/mini';

/**
 * What a schema problem is, as data: zod's issue code and the parameters a sentence needs, so that the elements can
 * say it in any language (components/shared/l10n, group `problems`). Plain values only: it crosses the format
 * Worker's `postMessage` and never carries the offending value (`keys` are names of fields, `values` what the schema
 * allows).
 */
export interface IssueProblem {
  /** zod's issue code: `invalid_type`, `invalid_value`, `too_small`, `too_big`, `invalid_format`, `unrecognized_keys`… */
  code: string;
  /** `invalid_type`: the type the schema expected (`string`, `number`, `int`, `object`, `array`…). */
  expected?: string;
  /** `invalid_type`: the type found (`undefined` for a missing field). */
  received?: string;
  /** `too_small` / `too_big` / `invalid_key` / `invalid_element`: what was measured (`string`, `array`, `number`). */
  origin?: string;
  minimum?: number;
  maximum?: number;
  inclusive?: boolean;
  exact?: boolean;
  /** `unrecognized_keys`: the unknown field names. */
  keys?: string[];
  /** `invalid_value`: the values allowed. */
  values?: (string | number | boolean | null)[];
  /** `invalid_format`: the format (`regex`, `email`…) and, for a regex, its pattern. */
  format?: string;
  pattern?: string;
  divisor?: number;
}

const PARAMS = ['expected', 'received', 'origin', 'inclusive', 'exact', 'format', 'pattern'] as const;

/** The {@link IssueProblem} of a zod issue (only the parameters it has, in plain values). */
export function problemOf(issue: z.core.$ZodIssue): IssueProblem {
  const source = issue as unknown as Record<string, unknown>;
  const problem: Record<string, unknown> = { code: issue.code };
  for (const key of PARAMS) {
    const v = source[key];
    if (typeof v === 'string' || typeof v === 'boolean') problem[key] = v;
    else if (v instanceof RegExp) problem[key] = String(v);
  }
  for (const key of ['minimum', 'maximum', 'divisor'] as const) {
    const v = source[key];
    if (typeof v === 'number' || typeof v === 'bigint') problem[key] = Number(v);
  }
  if (Array.isArray(source.keys)) problem.keys = source.keys.map(String);
  if (Array.isArray(source.values)) {
    problem.values = source.values.map((v: unknown) =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v),
    );
  }
  return problem as unknown as IssueProblem;
}
