/**
 * Imported first by the page script: zod compiles object parsers with `new Function` and probes for it when the
 * first schema is built (at import time of src/schemas.ts). Under `script-src 'self'` the probe alone raises a CSP
 * violation report, so switch JIT off before any schema exists. Parsing a backup jitless is fast enough.
 */
import { z } from 'zod';

z.config({ jitless: true });
