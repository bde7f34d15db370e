/** The final page reload after an import, which embedders can replace or disable. */

/** A replacement for `location.reload()`, or false for no reload at all. */
export type ReloadHook = (() => void) | false;

/** Default pause between showing success and reloading, so the user sees the result. */
export const DEFAULT_RELOAD_DELAY_MS = 3000;

/** A reload waiting for its delay: cancel it, or do it now ("Reload now"). */
export interface ScheduledReload {
  cancel(): void;
  now(): void;
}

/**
 * Calls `hook` after `delayMs`, or at `now()`, and then `onDone` — once at most, however often `now()` is called: a
 * host's own hook (an SPA re-rendering its route) leaves the element on the page, which then says what happened
 * instead of offering to reload forever. Does nothing when `hook` is false.
 */
export function scheduleReload(hook: ReloadHook, delayMs: number, onDone: () => void = () => {}): ScheduledReload {
  if (hook === false) return { cancel: () => {}, now: () => {} };
  let called = false;
  const run = () => {
    if (called) return;
    called = true;
    clearTimeout(timer);
    hook();
    onDone();
  };
  const timer = setTimeout(run, Math.max(0, delayMs));
  return { cancel: () => clearTimeout(timer), now: run };
}
