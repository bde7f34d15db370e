/**
 * The password field of the Export, Import and Resume steps: label, input, optional hints, and the field's error
 * tied to the input by `aria-describedby` and `aria-invalid`. A render function rather than an element, so the
 * input stays in the panel's shadow root next to its label (`for`/`id` do not cross shadow roots) and inside the
 * panel's form (Enter submits it).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/** What {@link renderPasswordField} shows and calls. */
export interface PasswordFieldView {
  /** Id of the input; its error gets `${id}-error`. */
  id: string;
  label: string;
  /** `new-password` for a password being chosen, `current-password` for one being entered. */
  autocomplete: 'new-password' | 'current-password';
  /** The field's error sentence, or '' when it has none. */
  error: string;
  /** Ids of other elements that describe the field (hints), listed before the error. */
  describedBy?: readonly string[];
  /** Shown between the input and the error (e.g. a strength meter and its hint). */
  extra?: TemplateResult | typeof nothing;
  /**
   * What the field holds. The panels keep what was typed across their steps, so that a failure that is not about
   * the password (the network, another file) does not make the admin type it again; `live` because the input is
   * the source of truth while it is shown.
   */
  value: string;
  /** Called on each input with the new value (and the input, for a field that updates its own hint). */
  onInput: (value: string, input: EventTarget | null) => void;
}

/** Renders a labelled password input with its hints and error. */
export function renderPasswordField(v: PasswordFieldView): TemplateResult {
  const errorId = `${v.id}-error`;
  const describedBy = [...(v.describedBy ?? []), ...(v.error ? [errorId] : [])].join(' ');
  return html`<div class="field">
    <label for=${v.id} part="label">${v.label}</label>
    <input
      id=${v.id}
      part="input"
      type="password"
      autocomplete=${v.autocomplete}
      aria-invalid=${v.error ? 'true' : 'false'}
      aria-describedby=${describedBy || nothing}
      .value=${live(v.value)}
      @input=${(event: Event) => v.onInput((event.target as HTMLInputElement).value, event.target)}
    />
    ${v.extra ?? nothing} ${v.error ? html`<p id=${errorId} class="field-error">${v.error}</p>` : nothing}
  </div>`;
}
