/**
 * The "password or recovery key" field of the Import, Resume and inspector forms. One field, the kind told by its
 * shape: text that is 13 groups of base32 (spaces, dashes and case aside) is a recovery key, anything else a
 * password — the format core reads a typed string the same way (docs/format.md 12.5). A recovery key with a typo
 * is caught here, by its check characters, before anything is decrypted.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { checkRecoveryKey, type RecoveryKeyCheck } from '../../src/format/index.js';
import { renderPasswordField } from './password-field.js';
import type { Catalog } from './l10n/catalog.js';
import { en } from './l10n/en.js';

/** The sentence describing what the field holds, or '' (a password, or nothing typed). */
export function describeRecoveryKeyCheck(
  text: string,
  check: RecoveryKeyCheck = checkRecoveryKey(text),
  t: Catalog = en,
): string {
  if (check.kind === 'valid') return t.recoveryKeyRecognised;
  if (check.kind === 'typo') return t.recoveryKeyTypo(check.group);
  return '';
}

/**
 * The error of a submitted secret: `empty` when nothing was typed, the typo sentence for a mistyped recovery key,
 * or '' when it can be tried.
 */
export function validateSecret(text: string, empty: string, t: Catalog = en): string {
  if (!text) return empty;
  const check = checkRecoveryKey(text);
  return check.kind === 'typo' ? describeRecoveryKeyCheck(text, check, t) : '';
}

/** Codes after which the typed secret was the problem: the field is emptied and focused. */
export const SECRET_ERROR_CODES: readonly string[] = ['WRONG_PASSWORD', 'WRONG_RECOVERY_KEY', 'INVALID_RECOVERY_KEY', 'NO_USABLE_KEY_SLOT'];

/** What {@link renderSecretField} shows and calls. */
export interface SecretFieldView {
  id: string;
  label: string;
  error: string;
  value: string;
  onInput: (value: string) => void;
  /** The catalog of the element's language (English when left out). */
  t?: Catalog;
}


/**
 * A password field that also takes a recovery key, saying as it is typed when it recognises one (or a typo in one).
 * The hint is written on each input here, so the panels need not re-render on every keystroke.
 */
export function renderSecretField(v: SecretFieldView): TemplateResult {
  const t = v.t ?? en;
  const describe = (value: string) => describeRecoveryKeyCheck(value, undefined, t) || t.secretHint;
  const onInput = (value: string, target: EventTarget | null) => {
    const root = (target as Node | null)?.getRootNode() as ParentNode | undefined;
    const hint = root?.querySelector?.(`#${v.id}-kind`);
    if (hint) hint.textContent = describe(value);
    v.onInput(value);
  };
  return renderPasswordField({
    id: v.id,
    label: v.label,
    autocomplete: 'current-password',
    error: v.error,
    describedBy: [`${v.id}-kind`],
    // A property binding, not a child text part: the input handler above rewrites the text between renders, and
    // `live` compares with what the paragraph holds then.
    extra: html`<p id="${v.id}-kind" class="hint" .textContent=${live(describe(v.value))}></p>`,
    value: v.value,
    onInput,
  });
}
