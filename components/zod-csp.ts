/**
 * Keeps zod from probing `eval`. zod 4 tries `new Function("")` when it builds its first object schema, to decide
 * whether to compile parsers; a strict Content-Security-Policy reports that probe as a `securitypolicyviolation`
 * even though zod catches the error. `jitless` skips the probe (parsing stays the same, slightly slower).
 *
 * It must run before any schema is built, so it is the first import of the element's module (and of a page that
 * imports src/ before the element). See `allowsEval` in zod/v4/core/util.js.
 */
import { z } from 'zod';

z.config({ jitless: true });
