/**
 * Configures zod before any schema is built. Every module in `src/` that builds schemas imports this module first,
 * for its side effect, then zod itself:
 *
 *     import './zod.js'; // first: configures zod (see src/zod.ts)
 *     import * as z from 'zod';
 *
 * Why: zod 4 probes `new Function("")` when it builds its first object schema, to decide whether to compile
 * parsers. Under a strict Content-Security-Policy (no `'unsafe-eval'`) the probe is reported as a
 * `securitypolicyviolation`, even though zod catches the error. `jitless` skips the probe; parsing gives the same
 * results, slightly slower. See `allowsEval` in zod/v4/core/util.js.
 *
 * Why a bare import and not `z` re-exported from here: re-exporting zod's namespace makes bundlers keep all of zod
 * (locales, JSON Schema…: ≈ 450 KB minified against ≈ 100 KB with `import * as z from 'zod'`), and an `export *`
 * becomes the same whole-namespace copy in the externals build. The bare import is kept because package.json's
 * "sideEffects" lists this file, and the build fails on any bare import a bundler would drop (scripts/esbuild-shared.mjs).
 */
import { config } from 'zod';

config({ jitless: true });
