/** The final page reload after an import, which embedders can replace or disable. */

/** A replacement for `location.reload()`, or false for no reload at all. */
export type ReloadHook = (() => void) | false;

/** Default pause between showing success and reloading, so the user sees the result. */
export const DEFAULT_RELOAD_DELAY_MS = 3000;

/** Calls `hook` after `delayMs`; returns a function that cancels it. Does nothing when `hook` is false. */
export function scheduleReload(hook: ReloadHook, delayMs: number): () => void {
  if (hook === false) return () => {};
  const timer = setTimeout(hook, Math.max(0, delayMs));
  return () => clearTimeout(timer);
}
