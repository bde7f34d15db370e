/**
 * Configures zod before any schema is built. Every module in `src/` that builds schemas imports this module first,
 * for its side effect, then zod itself:
 *
 *     import './zod.js'; // first: configures zod (see src/zod.ts)
 *     import * as z from 'zod/mini';
 *
 * The schemas use `zod/mini` (zod 4's functional API: `z.string().check(z.maxLength(9))`, `z.optional(x)`), which
 * bundlers tree-shake to what is used, where the method-chaining `zod` API always ships whole.
 *
 * - `jitless`: zod 4 probes `new Function("")` when it builds its first object schema, to decide whether to compile
 *   parsers. Under a strict Content-Security-Policy (no `'unsafe-eval'`) the probe is reported as a
 *   `securitypolicyviolation`, even though zod catches the error. `jitless` skips the probe; parsing gives the same
 *   results, slightly slower. See `allowsEval` in zod/v4/core/util.js.
 * - the English locale: `zod` installs it by default, `zod/mini` does not, and without it every issue message is a
 *   bare "Invalid input". The messages end up in ValidationError / HttpValidationError issues and in the server's
 *   400 bodies. Set only when no locale is configured yet, like `zod` does, so an app's own choice wins.
 * - not installed: `zod`'s default memoizer (`config({ memoizer })`), which lets a parse follow reference cycles
 *   and shared sub-objects of its input. Every value validated here comes from `JSON.parse` or is a journal record
 *   (no recursive schema), so it has neither.
 *
 * Why a bare import and not `z` re-exported from here: re-exporting zod's namespace makes bundlers keep all of zod
 * (locales, JSON Schema…), and an `export *` becomes the same whole-namespace copy in the externals build. The bare
 * import is kept because package.json's "sideEffects" lists this file, and the build fails on any bare import a
 * bundler would drop (scripts/esbuild-shared.mjs).
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config({ jitless: true });
if (!config().localeError) config(en());
