/**
 * What every parse in this package passes to zod, so that zod's global configuration — which the host application
 * shares when it uses zod 4 itself — is never touched. Call sites pass it as the second argument:
 * `Schema.safeParse(value, PARSE)`.
 *
 * The schemas use `zod/mini` (zod 4's functional API: `z.string().check(z.maxLength(9))`, `z.optional(x)`), which
 * bundlers tree-shake to what is used, where the method-chaining `zod` API always ships whole.
 *
 * - English messages: `zod` installs the English locale globally by default, `zod/mini` does not, and without one
 *   every issue message is a bare "Invalid input". The messages end up in ValidationError / HttpValidationError
 *   issues and in the reference server's 400 bodies. A per-parse error map (`ParseContext.error`) ranks above the
 *   global `customError` and `localeError` (see `finalizeIssue` in zod/v4/core/util.js), so our messages stay English
 *   whatever locale the host configures, and the host's locale stays its own.
 * - no `jitless`: `zod/mini`'s `z.object` is the interpreted `$ZodObject`, never `$ZodObjectJIT`
 *   (zod/v4/mini/schemas.js), so zod never probes `new Function` for these schemas and a strict
 *   Content-Security-Policy (no `'unsafe-eval'`) reports nothing. test/e2e/package.test.mjs and
 *   test/e2e/embed.test.mjs load both builds under such a policy and count violations.
 * - no memoizer (`config({ memoizer })`, which lets a parse follow reference cycles): every value validated here
 *   comes from `JSON.parse` or is a journal record, and has none.
 *
 * test/zod.test.ts checks that importing each entry leaves `z.config()` as the host set it.
 */
import type * as z from 'zod/mini';
// This locale alone: 'zod/locales' is all of them, one request each for a page with an import map.
import en from 'zod/v4/locales/en.js';

const english = en().localeError;

/**
 * The parse options of every `safeParse` in the package: English issue messages, without global configuration.
 * The error map also notes the type it received on an `invalid_type` issue (`received`, a type name, never the
 * value): zod drops the input before the issue leaves the parse, and the elements word the problem from its code
 * and parameters in the reader's language (see problemOf in zod-problem.ts).
 */
export const PARSE: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => {
    if (issue.code === 'invalid_type') (issue as { received?: string }).received = typeName(issue.input);
    return english(issue);
  },
};

/** zod's name for the type of a value (`util.parsedType`), without zod's internal util. */
function typeName(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'nan' : 'number';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
