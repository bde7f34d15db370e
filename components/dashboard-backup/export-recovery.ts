/**
 * The Export form's recovery-key option and weak-password warning. A render function, so the checkbox and the
 * `<backup-recovery-key>` stay in the panel's form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PasswordStrength } from './password-strength.js';
import '../shared/backup-recovery-key.js';

/** What {@link renderRecoveryOption} shows and calls. */
export interface RecoveryOptionView {
  unit: string;
  unitName: string;
  checked: boolean;
  error: string;
  strength: PasswordStrength;
  onToggle: (checked: boolean) => void;
  onChange: (ready: boolean) => void;
}

/** Shown when the password is weak: the recovery key lets the admin choose a long password without fear. */
export const WEAK_PASSWORD_WARNING =
  'This password is weak: anyone who gets the file could guess it. Choose a longer one — a few random words. ' +
  'Afraid of forgetting it? Add a recovery key: it opens the backup if the password is lost.';

/** The weak-password warning (or nothing), the "Add a recovery key" checkbox and, when ticked, the key itself. */
export function renderRecoveryOption(v: RecoveryOptionView): TemplateResult {
  return html`${v.strength === 'weak'
      ? html`<p id="weak-warning" class="notice warning" part="notice" role="status">${WEAK_PASSWORD_WARNING}</p>`
      : nothing}
    <div class="field">
      <label part="label">
        <input
          id="add-recovery-key"
          type="checkbox"
          .checked=${v.checked}
          @change=${(e: Event) => v.onToggle((e.target as HTMLInputElement).checked)}
        />
        Add a recovery key
      </label>
      <p class="hint">A second way to open this backup, for when the password is forgotten: print it or save it, and keep it safe.</p>
    </div>
    ${v.checked
      ? html`<backup-recovery-key
          unit=${v.unit}
          unit-name=${v.unitName}
          .error=${v.error}
          @recovery-key-change=${(e: CustomEvent<{ ready: boolean }>) => v.onChange(e.detail.ready)}
        ></backup-recovery-key>`
      : nothing}`;
}
