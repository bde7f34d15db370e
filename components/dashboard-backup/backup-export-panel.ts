import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { exportUnit, type DashboardClient, type Progress } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { renderAlert, renderNotice } from '../shared/notices.js';
import { describeError, ERROR_MESSAGES, isAbort, type DescribedError } from '../shared/messages.js';
import { MIN_PASSWORD_LENGTH, ratePassword, type PasswordStrength } from './password-strength.js';
import { announcePhase, renderProgress } from './progress.js';
import { downloadBlob } from '../shared/download.js';
import { renderPasswordField } from '../shared/password-field.js';
import { renderRecoveryOption } from './export-recovery.js';
import type { BackupRecoveryKey } from '../shared/backup-recovery-key.js';
import { formatBytes, formatCount } from '../shared/format.js';
import { reportOperation } from './operation.js';
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
  @state() private strengthHint = ratePassword('').hint;
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
  @query('h3') private heading?: HTMLElement;
  @query('backup-recovery-key') private recoveryKeyElement?: BackupRecoveryKey;

  private controller?: AbortController;
  private focusPending = false;
  /** What the two fields hold, kept across the steps until a backup is made (see password-field.ts). */
  private typed = { password: '', confirm: '' };

  /** Moves focus to the heading of the current step, once it is rendered. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.releaseDownload();
    this.typed = { password: '', confirm: '' };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusPending) {
      this.focusPending = false;
      this.heading?.focus();
    }
  }

  private goTo(step: ExportStep): void {
    this.step = step;
    this.focusPending = true;
  }

  private releaseDownload(): void {
    if (this.result) URL.revokeObjectURL(this.result.url);
    this.result = undefined;
  }

  private handlePasswordInput(value: string): void {
    this.typed.password = value;
    const rating = ratePassword(value);
    this.strength = rating.strength;
    this.strengthHint = rating.hint;
    this.passwordError = '';
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const password = this.passwordInput?.value ?? '';
    const confirmation = this.confirmInput?.value ?? '';
    this.error = undefined;
    this.notice = '';
    this.passwordError =
      password.length < MIN_PASSWORD_LENGTH ? ERROR_MESSAGES.PASSWORD_TOO_SHORT : '';
    this.confirmError = !this.passwordError && confirmation !== password ? 'The two passwords are not the same.' : '';
    if (this.passwordError || this.confirmError) {
      await this.updateComplete;
      (this.passwordError ? this.passwordInput : this.confirmInput)?.focus();
      return;
    }
    // The backup is made only once the admin has the recovery key: confirmed saved, or their own pasted one.
    const recoveryKey = this.withRecoveryKey ? this.recoveryKeyElement?.value : undefined;
    if (this.withRecoveryKey && !recoveryKey) {
      this.recoveryError =
        'Print the emergency kit or save it as a text file, then tick the box to confirm (or enter the recovery key you already have).';
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
    this.announcement = `Exporting ${this.unitName || this.unit}…`;
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
      this.announcement = `Backup ready: ${filename}.`;
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
        this.notice = 'Export cancelled. Nothing was downloaded.';
        this.announcement = this.notice;
        return;
      }
      this.error = describeError(error);
      this.announcement = '';
      dispatchBackupEvent(this, 'backup-error', { step: 'export', unit: this.unit, ...this.error });
    } finally {
      this.controller = undefined;
    }
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p) ?? this.announcement;
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
    const rating = ratePassword('');
    this.strength = rating.strength;
    this.strengthHint = rating.hint;
  }

  private renderForm() {
    return html`
      <h3 tabindex="-1" part="heading">Export ${this.unitName || this.unit}</h3>
      <p>
        Saves every plugin, workspace, profile and key of this unit to an encrypted file on this computer. Choose the
        password that will protect it.
      </p>
      ${renderNotice(this.notice)}
      ${renderAlert(this.error)}
      <form novalidate @submit=${this.handleSubmit}>
        ${renderPasswordField({
          id: 'password',
          label: 'Password',
          autocomplete: 'new-password',
          error: this.passwordError,
          describedBy: ['password-strength', 'password-reminder'],
          extra: html`<div class="meter" data-strength=${this.strength} aria-hidden="true">
              <span></span><span></span><span></span>
            </div>
            <p id="password-strength" class="hint">${this.strengthHint}</p>`,
          value: this.typed.password,
          onInput: (value) => this.handlePasswordInput(value),
        })}
        ${renderPasswordField({
          id: 'confirm',
          label: 'Confirm the password',
          autocomplete: 'new-password',
          error: this.confirmError,
          value: this.typed.confirm,
          onInput: (value) => {
            this.typed.confirm = value;
            this.confirmError = '';
          },
        })}
        <p id="password-reminder" class="notice warning" part="notice">
          <strong>Keep this password safe.</strong> It cannot be recovered: without it (or a recovery key) nobody, not
          even an administrator, can open the backup.
        </p>
        ${renderRecoveryOption({
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
        })}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="submit">Export</button>
        </div>
      </form>
    `;
  }

  private renderRunning() {
    return html`
      <h3 tabindex="-1" part="heading">Exporting ${this.unitName || this.unit}</h3>
      ${renderProgress(this.progress, 'Export progress')}
      <div class="actions">
        <button class="button" part="button" type="button" @click=${this.handleCancel}>Cancel</button>
      </div>
    `;
  }

  private renderDone() {
    const r = this.result;
    if (!r) return nothing;
    const c = r.counts;
    return html`
      <h3 tabindex="-1" part="heading">Backup ready</h3>
      <div class="notice success" part="notice">
        <p>
          <strong>${r.filename}</strong> (${formatBytes(r.bytes)}) was saved to your downloads. It holds
          ${formatCount(c.plugins, 'plugin')}, ${formatCount(c.workspaces, 'workspace')},
          ${formatCount(c.profiles, 'profile')} and ${formatCount(c.keys, 'key')}.
        </p>
      </div>
      <p>
        Keep the file and its password in separate safe places.${r.recoveryKey
          ? ' It also opens with the recovery key of the emergency kit: keep that apart from both.'
          : ''}
      </p>
      <div class="actions">
        <a class="button" part="button" href=${r.url} download=${r.filename}>Download again</a>
        <button class="button" part="button" type="button" @click=${this.handleAgain}>Make another backup</button>
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
