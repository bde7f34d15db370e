/**
 * Where focus goes when a panel changes step: to the new step's heading (each step has one `h3`, `tabindex="-1"`),
 * or to a field the step asks for (the password after a wrong one), once the step is rendered, so keyboard and
 * screen-reader users land on the new step rather than on a button that is gone.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Moves focus after the next render; `focusHeading()` is what `<dashboard-backup>` calls on a panel. */
export class StepFocus implements ReactiveController {
  private pending?: () => Element | null | undefined;

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: ParentNode }) {
    host.addController(this);
  }

  /** After the next render, focus `target()` if it finds an element, else the step's heading. */
  next(target: () => Element | null | undefined = () => null): void {
    this.pending = target;
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.pending;
    if (!target) return;
    this.pending = undefined;
    ((target() ?? this.heading()) as HTMLElement | null)?.focus();
  }

  /** Focuses the heading of the current step, once it is rendered. */
  async focusHeading(): Promise<void> {
    await this.host.updateComplete;
    this.heading()?.focus();
  }

  private heading(): HTMLElement | null {
    return this.host.renderRoot.querySelector('h3');
  }
}
