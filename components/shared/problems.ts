/**
 * A schema problem in the reader's language: the sentence of the catalog's `schemaProblems` group for the issue's
 * code, filled with its parameters. Issues that carry no {@link IssueProblem} (not from zod) keep their own text.
 */
import type { ValidationIssue } from '../../src/errors.js';
import type { IssueProblem } from '../../src/zod-problem.js';
import type { Localizer } from './l10n/localizer.js';

type Problems = Localizer['t']['schemaProblems'];

const SIZED = new Set(['string', 'file', 'array', 'set', 'map']);

/** What the issue says, in the localizer's language. */
export function sayProblem(l: Localizer, issue: ValidationIssue): string {
  return issue.problem ? sayIssueProblem(l, issue.problem) ?? issue.message : issue.message;
}

function typeOf(p: Problems, name: string | undefined): string {
  const key = name ?? 'value';
  return (p.types as Record<string, string | undefined>)[key] ?? key;
}

/** A value as zod quotes it: strings in double quotes, other primitives as they print. */
function quote(v: string | number | boolean | null): string {
  return typeof v === 'string' ? `"${v}"` : String(v);
}

function bound(l: Localizer, p: Problems, n: number | undefined, exact: boolean | undefined, inclusive: boolean | undefined, sign: '>' | '<'): string {
  const value = l.number(n ?? 0);
  if (exact) return p.exactly(value);
  return `${inclusive ? `${sign}=` : sign}${value}`;
}

function sizeProblem(l: Localizer, p: Problems, o: IssueProblem, small: boolean): string {
  const origin = o.origin ?? 'value';
  const b = bound(l, p, small ? o.minimum : o.maximum, o.exact, o.inclusive, small ? '>' : '<');
  if (SIZED.has(origin)) {
    const unit = (p.units as Record<string, string>)[origin]!;
    return (small ? p.tooSmallSize : p.tooBigSize)(typeOf(p, origin), b, unit);
  }
  return (small ? p.tooSmall : p.tooBig)(typeOf(p, origin), b);
}

function sayIssueProblem(l: Localizer, o: IssueProblem): string | undefined {
  const p = l.t.schemaProblems;
  switch (o.code) {
    case 'invalid_type':
      return p.invalidType(typeOf(p, o.expected), typeOf(p, o.received ?? 'undefined'));
    case 'invalid_value': {
      const values = o.values ?? [];
      return values.length === 1 ? p.invalidValue(quote(values[0]!)) : p.invalidOption(values.map(quote).join('|'));
    }
    case 'too_small':
      return sizeProblem(l, p, o, true);
    case 'too_big':
      return sizeProblem(l, p, o, false);
    case 'invalid_format':
      if (o.format === 'regex' && o.pattern) return p.mustMatch(o.pattern);
      return p.invalidFormat((p.formats as Record<string, string | undefined>)[o.format ?? ''] ?? o.format ?? '');
    case 'not_multiple_of':
      return p.notMultipleOf(l.number(o.divisor ?? 0));
    case 'unrecognized_keys': {
      const keys = o.keys ?? [];
      return p.unrecognizedKeys(keys.length > 1, keys.map(quote).join(', '));
    }
    case 'invalid_key':
      return p.invalidKey(typeOf(p, o.origin));
    case 'invalid_element':
      return p.invalidElement(typeOf(p, o.origin));
    case 'invalid_union':
      return p.invalidInput;
    default:
      // 'custom' and codes zod may add: the schema's own sentence (or zod's English) rather than a vague one
      return undefined;
  }
}
