import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
// The export engine from its module: the engine barrel would bring every engine into this panel's chunk.
import { exportUnit } from '../../src/backup/export.js';
import type { DashboardClient, Progress } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { renderAlert, renderNotice } from '../shared/notices.js';
import { describeError, isAbort, type DescribedError } from '../shared/messages.js';
import { StepFocus } from './step-focus.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { MIN_PASSWORD_LENGTH, ratePassword, type PasswordStrength } from './password-strength.js';
import { announcePhase, renderProgress } from './progress.js';
import { downloadBlob } from '../shared/download.js';
import { renderPasswordField } from '../shared/password-field.js';
import { RECOVERY_KEY_PART, renderRecoveryOption } from './export-recovery.js';
import { LazyParts } from '../shared/lazy.js';
import type { BackupRecoveryKey } from '../shared/backup-recovery-key.js';
import { reportOperation } from './operation.js';
import { bdi, countsSentence } from '../shared/text.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { exportPanelStyles } from './backup-export-panel.styles.js';
import type { Counts } from '../../src/schemas.js';

type ExportStep = 'form' | 'running' | 'done';

/**
 * The Export tab of `<dashboard-backup>`: password and confirmation, an optional recovery key (shown, printable,
 * saved by the admin before the backup is made), progress with cancel, then the download.
 * Internal: embedders use `<dashboard-backup>`.
 *
 * @fires backup-export-done - The file was made and handed to the browser.
 * @fires backup-error - The export failed (not when cancelled).
 * @csspart button - Every button; primary-button the main action.
 */
@customElement('backup-export-panel')
export class BackupExportPanel extends LitElement {
  static override styles = [sharedStyles, exportPanelStyles];

  /** The Dashboard client the engine uses. */
  @property({ attribute: false }) client?: DashboardClient;
  /** Id of the unit to export. */
  @property() unit = '';
  /** Display name of the unit. */
  @property({ attribute: 'unit-name' }) unitName = '';

  @state() private step: ExportStep = 'form';
  @state() private strength: PasswordStrength = 'too-short';
  @state() private passwordError = '';
  @state() private confirmError = '';
  @state() private error?: DescribedError;
  @state() private notice = '';
  @state() private progress?: Progress;
  @state() private announcement = '';
  @state() private result?: { filename: string; bytes: number; counts: Counts; url: string; recoveryKey: boolean };
  @state() private withRecoveryKey = false;
  @state() private recoveryError = '';

  @query('#password') private passwordInput?: HTMLInputElement;
  @query('#confirm') private confirmInput?: HTMLInputElement;
  @query('backup-recovery-key') private recoveryKeyElement?: BackupRecoveryKey;

  private controller?: AbortController;
  private readonly l10n = new LocaleController(this);
  private readonly stepFocus = new StepFocus(this);
  private readonly recoveryKeyPart = new LazyParts(this, RECOVERY_KEY_PART, {
    onFailure: (_part, error) =>
      dispatchBackupEvent(this, 'backup-error', { step: 'export', unit: this.unit, ...describeError(error, this.l10n.l.t, this.l10n.l.lang) }),
  });
  /** What the two fields hold, kept across the steps until a backup is made (see password-field.ts). */
  private typed = { password: '', confirm: '' };

  /** Moves focus to the heading of the current step, once it is rendered. */
  focusHeading(): Promise<void> {
    return this.stepFocus.focusHeading();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.releaseDownload();
    this.typed = { password: '', confirm: '' };
  }

  private goTo(step: ExportStep): void {
    this.step = step;
    this.stepFocus.next();
  }

  private releaseDownload(): void {
    if (this.result) URL.revokeObjectURL(this.result.url);
    this.result = undefined;
  }

  private handlePasswordInput(value: string): void {
    this.typed.password = value;
    const rating = ratePassword(value);
    this.strength = rating.strength;
    this.passwordError = '';
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const password = this.passwordInput?.value ?? '';
    const confirmation = this.confirmInput?.value ?? '';
    this.error = undefined;
    this.notice = '';
    this.passwordError =
      password.length < MIN_PASSWORD_LENGTH ? this.l10n.l.t.errors.PASSWORD_TOO_SHORT : '';
    this.confirmError = !this.passwordError && confirmation !== password ? this.l10n.l.t.passwordsDiffer : '';
    if (this.passwordError || this.confirmError) {
      await this.updateComplete;
      (this.passwordError ? this.passwordInput : this.confirmInput)?.focus();
      return;
    }
    // The backup is made only once the admin has the recovery key: confirmed saved, or their own pasted one.
    const recoveryKey = this.withRecoveryKey ? this.recoveryKeyElement?.value : undefined;
    if (this.withRecoveryKey && !recoveryKey) {
      this.recoveryError = this.l10n.l.t.recoveryKeyNotSaved;
      await this.updateComplete;
      this.recoveryKeyElement?.focus();
      return;
    }
    await this.runExport(password, recoveryKey);
  }

  private async runExport(password: string, recoveryKey?: string): Promise<void> {
    if (!this.client) return;
    this.releaseDownload();
    this.controller = new AbortController();
    this.progress = undefined;
    this.announcement = this.l10n.l.t.exportingNow(this.unitName || this.unit);
    this.goTo('running');
    reportOperation(this, 'export');
    try {
      const { blob, filename, manifest } = await exportUnit(this.client, password, {
        unit: this.unit,
        signal: this.controller.signal,
        onProgress: (p) => this.handleProgress(p),
        ...(recoveryKey ? { recoveryKey } : {}),
      });
      reportOperation(this, null);
      // The file is made: the next export starts from empty fields, and the recovery key is forgotten here.
      this.typed = { password: '', confirm: '' };
      this.withRecoveryKey = false;
      this.resetStrength();
      const url = downloadBlob(blob, filename);
      this.result = { filename, bytes: blob.size, counts: manifest.counts, url, recoveryKey: Boolean(recoveryKey) };
      this.announcement = this.l10n.l.t.backupReadyAnnouncement(filename);
      this.goTo('done');
      dispatchBackupEvent(this, 'backup-export-done', {
        unit: this.unit,
        filename,
        bytes: blob.size,
        counts: manifest.counts,
      });
    } catch (error) {
      reportOperation(this, null);
      // The form comes back with the fields as typed (and the meter rating them): nothing here was their fault.
      this.goTo('form');
      if (isAbort(error)) {
        this.notice = this.l10n.l.t.exportCancelled;
        this.announcement = this.notice;
        return;
      }
      this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
      this.announcement = '';
      dispatchBackupEvent(this, 'backup-error', { step: 'export', unit: this.unit, ...this.error });
    } finally {
      this.controller = undefined;
    }
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p, this.l10n.l) ?? this.announcement;
    this.progress = p;
  }

  private handleCancel(): void {
    this.controller?.abort();
  }

  private handleAgain(): void {
    this.releaseDownload();
    this.resetStrength();
    this.goTo('form');
  }

  private resetStrength(): void {
    this.strength = ratePassword('').strength;
  }

  private renderForm() {
    const { t } = this.l10n.l;
    return html`
      <h3 tabindex="-1" part="heading">${t.exportHeading(bdi(this.unitName || this.unit))}</h3>
      <p>${t.exportIntro}</p>
      ${renderNotice(this.notice)}
      ${renderAlert(this.error)}
      <form novalidate @submit=${this.handleSubmit}>
        ${renderPasswordField({
          id: 'password',
          label: t.password,
          autocomplete: 'new-password',
          error: this.passwordError,
          describedBy: ['password-strength', 'password-reminder'],
          extra: html`<div class="meter" data-strength=${this.strength} aria-hidden="true">
              <span></span><span></span><span></span>
            </div>
            <p id="password-strength" class="hint">${t.strengthHints[this.strength]}</p>`,
          value: this.typed.password,
          onInput: (value) => this.handlePasswordInput(value),
        })}
        ${renderPasswordField({
          id: 'confirm',
          label: t.confirmPassword,
          autocomplete: 'new-password',
          error: this.confirmError,
          value: this.typed.confirm,
          onInput: (value) => {
            this.typed.confirm = value;
            this.confirmError = '';
          },
        })}
        <p id="password-reminder" class="notice warning" part="notice">
          <strong>${t.keepPasswordSafe}</strong> ${t.keepPasswordSafeWhy}
        </p>
        ${renderRecoveryOption({
          l: this.l10n.l,
          unit: this.unit,
          unitName: this.unitName,
          checked: this.withRecoveryKey,
          error: this.recoveryError,
          strength: this.strength,
          onToggle: (checked) => {
            this.withRecoveryKey = checked;
            this.recoveryError = '';
          },
          onChange: (ready) => {
            if (ready) this.recoveryError = '';
          },
          onApproach: () => void this.recoveryKeyPart.load('recoveryKey'),
          whenLoaded: (render) => this.recoveryKeyPart.render('recoveryKey', this.l10n.l, render),
        })}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="submit">${t.exportButton}</button>
        </div>
      </form>
    `;
  }

  private renderRunning() {
    const l = this.l10n.l;
    return html`
      <h3 tabindex="-1" part="heading">${l.t.exportingHeading(bdi(this.unitName || this.unit))}</h3>
      ${renderProgress(this.progress, l.t.exportProgress, l)}
      <div class="actions">
        <button class="button" part="button" type="button" @click=${this.handleCancel}>${l.t.cancel}</button>
      </div>
    `;
  }

  private renderDone() {
    const r = this.result;
    if (!r) return nothing;
    const l = this.l10n.l;
    const { t } = l;
    return html`
      <h3 tabindex="-1" part="heading">${t.backupReady}</h3>
      <div class="notice success" part="notice">
        <p>${t.exportDone(html`<strong>${bdi(r.filename)}</strong>`, l.bytes(r.bytes), countsSentence(l, r.counts))}</p>
      </div>
      <p>${t.keepApart} ${r.recoveryKey ? t.keepKitApart : ''}</p>
      <div class="actions">
        <a class="button" part="button" href=${r.url} download=${r.filename}>${t.downloadAgain}</a>
        <button class="button" part="button" type="button" @click=${this.handleAgain}>${t.exportAgain}</button>
      </div>
    `;
  }

  override render() {
    const body =
      this.step === 'running' ? this.renderRunning() : this.step === 'done' ? this.renderDone() : this.renderForm();
    return html`${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-export-panel': BackupExportPanel;
  }
}
