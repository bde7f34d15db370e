/** The final page reload after an import, which embedders can replace or disable. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

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

/**
 * The reload after a verified operation, for a panel (import, resume): whether the page reloads in a moment
 * (`reloading`), or the host's hook was called and the element is still there (`reloaded`, an SPA), "Reload now",
 * and no reload once the panel is gone. The host re-renders when either changes.
 */
export class ReloadController implements ReactiveController {
  /** The page reloads in a moment. */
  reloading = false;
  /** The host's reload hook was called (an SPA keeps the element on the page): the final state says so. */
  reloaded = false;
  private scheduled: ScheduledReload = { cancel: () => {}, now: () => {} };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.scheduled.cancel();
  }

  /**
   * After a verified operation: calls `hook` after `delayMs` unless the embedder cancelled it (`proceed` false, the
   * done event's `preventDefault()`) or there is none. Returns whether the page reloads.
   */
  start(proceed: boolean, hook: ReloadHook, delayMs: number): boolean {
    this.scheduled.cancel();
    this.reloading = proceed && hook !== false;
    this.reloaded = false;
    if (this.reloading) {
      this.scheduled = scheduleReload(hook, delayMs, () => {
        this.reloading = false;
        this.reloaded = true;
        this.host.requestUpdate();
      });
    }
    this.host.requestUpdate();
    return this.reloading;
  }

  /** "Reload now": the scheduled reload at once (once at most). */
  now(): void {
    this.scheduled.now();
  }
}
