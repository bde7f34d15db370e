import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { checkRecoveryKey, formatRecoveryKey, generateRecoveryKey, type RecoveryKeyCheck } from '../../src/format/index.js';
import { downloadKitText, openKitWindow, type EmergencyKit } from './emergency-kit.js';
import { describeRecoveryKeyCheck } from './secret-field.js';
import { recoveryKeyStyles } from './backup-recovery-key.styles.js';
import { LocaleController } from './l10n/controller.js';

/**
 * @summary Makes or takes the recovery key of a backup: generates one and shows it in groups, with a printable
 * emergency kit and a text file to save, and asks the admin to confirm it was saved; or takes one the admin
 * already has (pasted from an earlier kit). The key lives only in this element's memory: it is never stored, sent,
 * or put in an event; the parent reads its `value` property when it needs it. Internal.
 *
 * @fires recovery-key-change - `{ ready }` when the key becomes usable or stops being so. Never carries the key.
 * @csspart recovery-key - The key, shown in groups.
 * @csspart button - Every button.
 */
@customElement('backup-recovery-key')
export class BackupRecoveryKey extends LitElement {
  static override styles = recoveryKeyStyles;

  /** Id of the unit the key is for (shown in the kit). */
  @property() unit = '';
  /** Display name of the unit (shown in the kit). */
  @property({ attribute: 'unit-name' }) unitName = '';
  /** An error to show under the element (e.g. "confirm that you saved the key"), or ''. */
  @property() error = '';

  @state() private mode: 'new' | 'existing' = 'new';
  @state() private generated = '';
  @state() private saved = false;
  @state() private pasted = '';
  @state() private pastedCheck: RecoveryKeyCheck = { kind: 'other' };
  private createdAt = new Date();
  private wasReady = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.generated) this.regenerate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.forget();
  }

  /** True once the key can be used: a new key the admin confirmed saving, or a well-formed key they already have. */
  get ready(): boolean {
    return this.mode === 'new' ? Boolean(this.generated) && this.saved : this.pastedCheck.kind === 'valid';
  }

  /** The recovery key, in its human form, when {@link ready}; otherwise `undefined`. */
  get value(): string | undefined {
    if (!this.ready) return undefined;
    return this.mode === 'new' ? this.generated : this.pasted;
  }

  /** Forgets the key (after the backup is made, or when the option is turned off). */
  forget(): void {
    this.generated = '';
    this.pasted = '';
    this.pastedCheck = { kind: 'other' };
    this.saved = false;
    this.notify();
  }

  /** Focuses what the admin has to act on: the "saved" box, or the field of their own key. */
  override focus(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#saved, #existing')?.focus();
  }

  /** Makes a new key (forgetting the previous one). */
  regenerate(): void {
    this.generated = formatRecoveryKey(generateRecoveryKey());
    this.createdAt = new Date();
    this.saved = false;
    this.notify();
  }

  private notify(): void {
    const ready = this.ready;
    if (ready === this.wasReady) return;
    this.wasReady = ready;
    this.dispatchEvent(new CustomEvent('recovery-key-change', { detail: { ready } }));
  }

  private readonly l10n = new LocaleController(this);

  private kit(): EmergencyKit {
    const { t } = this.l10n.l;
    return { unit: this.unit, unitName: this.unitName, createdAt: this.createdAt, recoveryKey: this.generated, t };
  }

  private handlePrint(): void {
    openKitWindow(this.kit());
  }

  private handleSaveText(): void {
    downloadKitText(this.kit());
  }

  private setMode(mode: 'new' | 'existing'): void {
    this.mode = mode;
    if (mode === 'new' && !this.generated) this.regenerate();
    this.notify();
  }

  private renderNew() {
    const { t } = this.l10n.l;
    return html`<p class="key" part="recovery-key" aria-label=${t.kit.recoveryKey}>
        ${this.generated.split('-').map((group) => html`<span>${group}</span>`)}
      </p>
      <div class="actions">
        <button type="button" part="button" @click=${this.handlePrint}>${t.printKit}</button>
        <button type="button" part="button" @click=${this.handleSaveText}>${t.saveKit}</button>
      </div>
      <label>
        <input
          id="saved"
          type="checkbox"
          .checked=${live(this.saved)}
          @change=${(e: Event) => {
            this.saved = (e.target as HTMLInputElement).checked;
            this.notify();
          }}
        />
        ${t.kitSaved}
      </label>`;
  }

  private renderExisting() {
    const { t } = this.l10n.l;
    const message = describeRecoveryKeyCheck(this.pasted, this.pastedCheck, t);
    const invalid = this.pasted !== '' && this.pastedCheck.kind !== 'valid';
    return html`<label class="block" for="existing">${t.yourRecoveryKey}</label>
      <input
        id="existing"
        type="text"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby="existing-hint"
        .value=${live(this.pasted)}
        @input=${(e: Event) => {
          this.pasted = (e.target as HTMLInputElement).value;
          this.pastedCheck = checkRecoveryKey(this.pasted);
          this.notify();
        }}
      />
      <p id="existing-hint" class=${invalid ? 'field-error' : 'hint'}>
        ${message || t.existingKeyHint}
      </p>`;
  }

  override render() {
    const { t } = this.l10n.l;
    return html`<fieldset>
      <legend>${t.kit.recoveryKey}</legend>
      <div class="choice" role="radiogroup" aria-label=${t.whichKey}>
        <label><input type="radio" name="mode" .checked=${this.mode === 'new'} @change=${() => this.setMode('new')} /> ${t.newKey}</label>
        <label
          ><input type="radio" name="mode" .checked=${this.mode === 'existing'} @change=${() => this.setMode('existing')} /> ${t.existingKey}</label
        >
      </div>
      ${this.mode === 'new' ? this.renderNew() : this.renderExisting()}
      ${this.error ? html`<p class="field-error" role="alert">${this.error}</p>` : nothing}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-recovery-key': BackupRecoveryKey;
  }
}
