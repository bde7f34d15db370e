/**
 * The Export form's recovery-key option and weak-password warning. A render function, so the checkbox and the
 * `<backup-recovery-key>` stay in the panel's form. `<backup-recovery-key>` (with the emergency kit and the key
 * generator) is a chunk of its own, fetched when the pointer or focus reaches the checkbox, or when it is ticked.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PasswordStrength } from './password-strength.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { en } from '../shared/l10n/en.js';

/** The English warning under a weak password (the element shows its catalog's `weakPasswordWarning`). */
export const WEAK_PASSWORD_WARNING = en.weakPasswordWarning;

/** Where `<backup-recovery-key>` comes from (a LazyParts loader of the export panel). */
export const RECOVERY_KEY_PART = { recoveryKey: () => import('../shared/backup-recovery-key.js') };

/** What {@link renderRecoveryOption} shows and calls. */
export interface RecoveryOptionView {
  l: Localizer;
  unit: string;
  unitName: string;
  checked: boolean;
  error: string;
  strength: PasswordStrength;
  onToggle: (checked: boolean) => void;
  onChange: (ready: boolean) => void;
  /** The pointer or focus reached the checkbox: fetch `<backup-recovery-key>` before it is ticked. */
  onApproach: () => void;
  /** Renders the key once its chunk is in (a busy line meanwhile, CHUNK_LOAD_FAILED if it cannot be fetched). */
  whenLoaded: (render: () => TemplateResult) => unknown;
}

/** Shown when the password is weak: the recovery key lets the admin choose a long password without fear. */

/** The weak-password warning (or nothing), the "Add a recovery key" checkbox and, when ticked, the key itself. */
export function renderRecoveryOption(v: RecoveryOptionView): TemplateResult {
  return html`${v.strength === 'weak'
      ? html`<p id="weak-warning" class="notice warning" part="notice" role="status">${v.l.t.weakPasswordWarning}</p>`
      : nothing}
    <div class="field">
      <label part="label">
        <input
          id="add-recovery-key"
          type="checkbox"
          .checked=${v.checked}
          @change=${(e: Event) => v.onToggle((e.target as HTMLInputElement).checked)}
          @pointerenter=${v.onApproach}
          @focus=${v.onApproach}
        />
        ${v.l.t.addRecoveryKey}
      </label>
      <p class="hint">${v.l.t.addRecoveryKeyHint}</p>
    </div>
    ${v.checked
      ? v.whenLoaded(
          () => html`<backup-recovery-key
            unit=${v.unit}
            unit-name=${v.unitName}
            .error=${v.error}
            @recovery-key-change=${(e: CustomEvent<{ ready: boolean }>) => v.onChange(e.detail.ready)}
          ></backup-recovery-key>`,
        )
      : nothing}`;
}
