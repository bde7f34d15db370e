/**
 * Version of this module, recorded in every backup's manifest (`appVersion`).
 *
 * A literal, not a JSON import of package.json: browsers cannot import JSON portably, and the same source runs
 * unbundled in the test runner and the dev server. `scripts/check-version.mjs` (run by `npm run build`) fails when
 * this disagrees with package.json's `version`.
 */
export const APP_VERSION = '0.1.0';
