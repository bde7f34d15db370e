import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getSafetySnapshot, resumeImport, rollbackImport, type DashboardClient, type ImportResult, type Progress, type UnfinishedImport } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { renderAlert } from '../shared/notices.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import { announcePhase, renderProgress } from './progress.js';
import { renderImportResult } from './import-result.js';
import { renderSecretField, SECRET_ERROR_CODES, validateSecret } from '../shared/secret-field.js';
import { formatDate } from '../shared/format.js';
import { reportOperation } from './operation.js';
import { DEFAULT_RELOAD_DELAY_MS, scheduleReload, type ReloadHook } from './reload.js';
import { sharedStyles } from '../shared/shared.styles.js';

type ResumeStep = 'ask' | 'running' | 'done';
type Mode = 'resume' | 'rollback';

/**
 * Shown by `<dashboard-backup>` when an import into this unit stopped before it finished: Resume or Roll back (both
 * need the backup's password), and a link to the safety snapshot. Internal: embedders use `<dashboard-backup>`.
 *
 * @fires backup-import-done - The resumed import or the rollback finished; `preventDefault()` cancels the reload.
 * @fires backup-error - Resume, rollback or reading the snapshot failed.
 * @fires backup-resume-closed - Internal: the user left the panel after finishing without a reload.
 * @fires backup-resume-recheck - Internal: the import was running in another tab and the user asks to look again.
 */
@customElement('backup-resume-panel')
export class BackupResumePanel extends LitElement {
  static override styles = [sharedStyles];

  /** The Dashboard client the engine uses. */
  @property({ attribute: false }) client?: DashboardClient;
  /** Id of the unit the import was restoring. */
  @property() unit = '';
  /** Display name of the unit. */
  @property({ attribute: 'unit-name' }) unitName = '';
  /** Called after success (after `reloadDelay`); false for none. */
  @property({ attribute: false }) reload: ReloadHook = false;
  /** Milliseconds between showing success and reloading. */
  @property({ type: Number, attribute: 'reload-delay' }) reloadDelay = DEFAULT_RELOAD_DELAY_MS;
  /** Why the panel is shown, when an import just failed in this page (otherwise it was found at load). */
  @property({ attribute: false }) cause?: DescribedError;
  /** The unfinished import, as the engine describes it. */
  @property({ attribute: false }) unfinished?: UnfinishedImport;

  @state() private step: ResumeStep = 'ask';
  @state() private mode: Mode = 'resume';
  @state() private error?: DescribedError;
  @state() private passwordError = '';
  @state() private progress?: Progress;
  @state() private announcement = '';
  @state() private result?: ImportResult;
  @state() private snapshot?: { url: string; filename: string };
  @state() private reloading = false;

  @query('#password') private passwordInput?: HTMLInputElement;
  @query('h3') private heading?: HTMLElement;

  private cancelReload = () => {};
  private focusPending = false;
  /** What the password field holds, kept across the steps until the operation completes (see password-field.ts). */
  private typedPassword = '';

  /** Moves focus to the heading of the current step, once it is rendered. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.heading?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadSnapshot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelReload();
    if (this.snapshot) URL.revokeObjectURL(this.snapshot.url);
    this.snapshot = undefined;
    this.typedPassword = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusPending) {
      this.focusPending = false;
      // After a wrong password, the field is where the admin types again.
      (this.error && SECRET_ERROR_CODES.includes(this.error.code) ? this.passwordInput : this.heading)?.focus();
    }
  }

  private async loadSnapshot(): Promise<void> {
    try {
      const found = await getSafetySnapshot({ unit: this.unit });
      if (found && this.isConnected) this.snapshot = { url: URL.createObjectURL(found.blob), filename: found.filename };
    } catch (error) {
      this.error = describeError(error);
      dispatchBackupEvent(this, 'backup-error', { step: 'snapshot', unit: this.unit, ...this.error });
    }
  }

  private goTo(step: ResumeStep): void {
    this.step = step;
    this.focusPending = true;
  }

  private async run(mode: Mode): Promise<void> {
    const password = this.passwordInput?.value ?? '';
    this.error = undefined;
    this.passwordError = validateSecret(password, 'Enter the password or the recovery key of the backup you were importing.');
    if (this.passwordError || !this.client) {
      this.passwordInput?.focus();
      return;
    }
    this.mode = mode;
    this.progress = undefined;
    this.announcement = mode === 'resume' ? 'Resuming the import…' : 'Rolling back…';
    this.goTo('running');
    reportOperation(this, mode);
    try {
      const options = { unit: this.unit, onProgress: (p: Progress) => this.handleProgress(p), reload: false as const };
      this.result = await (mode === 'resume'
        ? resumeImport(this.client, password, options)
        : rollbackImport(this.client, password, options));
      // Before the reload is scheduled: the element drops its leave-page guard, so that reload asks nothing.
      reportOperation(this, null);
      this.finish();
    } catch (error) {
      reportOperation(this, null);
      this.goTo('ask');
      this.error = describeError(error);
      if (SECRET_ERROR_CODES.includes(this.error.code)) this.typedPassword = '';
      dispatchBackupEvent(this, 'backup-error', { step: mode, unit: this.unit, ...this.error });
    }
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p) ?? this.announcement;
    this.progress = p;
  }

  private finish(): void {
    const result = this.result;
    if (!result) return;
    this.typedPassword = '';
    const proceed = dispatchBackupEvent(this, 'backup-import-done', {
      unit: this.unit,
      mode: this.mode,
      counts: result.counts,
      differences: result.differences.length,
    });
    this.reloading = proceed && this.reload !== false;
    this.announcement = `${this.mode === 'resume' ? 'Import complete.' : 'Rollback complete.'}${this.reloading ? ' The page will reload.' : ''}`;
    this.goTo('done');
    if (this.reloading) this.cancelReload = scheduleReload(this.reload, this.reloadDelay);
  }

  private handleReloadNow(): void {
    this.cancelReload();
    if (this.reload) this.reload();
  }

  private handleClose(): void {
    this.dispatchEvent(new Event('backup-resume-closed', { bubbles: true, composed: true }));
  }

  /** Another tab holds the unit's lock (it is resuming or rolling back this import): nothing to offer here yet. */
  private renderElsewhere() {
    return html`
      <h3 tabindex="-1" part="heading">${this.unitName} is being restored in another tab</h3>
      <p>
        An import, resume or rollback of ${this.unitName} is running in another tab or window of this browser. Let it
        finish there. If that tab was closed, check again: the import can then be resumed or rolled back here.
      </p>
      <div class="actions">
        <button
          class="button"
          part="button"
          type="button"
          @click=${() => this.dispatchEvent(new Event('backup-resume-recheck', { bubbles: true, composed: true }))}
        >
          Check again
        </button>
      </div>
    `;
  }

  private renderAsk() {
    if (this.unfinished?.busy && !this.error) return this.renderElsewhere();
    return html`
      <h3 tabindex="-1" part="heading">An import into ${this.unitName} did not finish</h3>
      ${renderAlert(this.cause)}
      ${renderUnfinished(this.unfinished, this.unitName)}
      <p>
        Resume it where it stopped, or roll back to the safety snapshot taken just before it started. Both need the
        password (or the recovery key) of the backup you were importing.
      </p>
      ${renderAlert(this.error)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.run('resume'))}>
        ${renderSecretField({
          id: 'password',
          label: 'Password of the backup or its recovery key',
          error: this.passwordError,
          value: this.typedPassword,
          onInput: (value) => {
            this.typedPassword = value;
            this.passwordError = '';
          },
        })}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="submit">Resume</button>
          <button class="button" part="button" type="button" @click=${() => this.run('rollback')}>Roll back</button>
        </div>
      </form>
      ${this.snapshot
        ? html`<p class="hint snapshot">
            The safety snapshot (encrypted with the same password) is kept in this browser until the import is verified:
            <a href=${this.snapshot.url} download=${this.snapshot.filename} part="link">Download the safety snapshot</a>.
          </p>`
        : nothing}
    `;
  }

  private renderRunning() {
    return html`
      <h3 tabindex="-1" part="heading">${this.mode === 'resume' ? 'Resuming the import' : 'Rolling back'}</h3>
      <p>Keep this page open.</p>
      ${renderProgress(this.progress, this.mode === 'resume' ? 'Resume progress' : 'Rollback progress')}
    `;
  }

  private renderDone() {
    if (!this.result) return nothing;
    return renderImportResult({
      title: this.mode === 'resume' ? 'Import complete' : 'Rollback complete',
      unitName: this.unitName,
      result: this.result,
      reloading: this.reloading,
      onReloadNow: () => this.handleReloadNow(),
      onContinue: () => this.handleClose(),
    });
  }

  override render() {
    const body = this.step === 'running' ? this.renderRunning() : this.step === 'done' ? this.renderDone() : this.renderAsk();
    return html`${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}

/** What the journal says about the unfinished import: what it was restoring, when, and how far it got. */
function renderUnfinished(u: UnfinishedImport | undefined, unitName: string) {
  if (!u) return html`<p>${unitName} may be only partly restored.</p>`;
  const what = u.mode === 'rollback' ? 'A rollback to the safety snapshot' : 'An import';
  const verified = u.status === 'unverified' ? '; every step was done, but the result differs from the backup' : '';
  return html`<p>
    ${what} of the backup of <strong>${u.source.unit.name}</strong> (made ${formatDate(u.source.createdAt)}) started
    ${formatDate(u.startedAt)} and stopped after ${u.steps.done} of ${u.steps.total} steps${verified}. ${unitName} may be
    only partly restored.
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-resume-panel': BackupResumePanel;
  }
}
