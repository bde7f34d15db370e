import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { getSafetySnapshot, resumeImport, rollbackImport, type DashboardClient, type ImportResult, type Progress, type UnfinishedImport } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { renderAlert } from '../shared/notices.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import { announcePhase, renderProgress } from './progress.js';
import { renderImportResult } from './import-result.js';
import { renderSecretField, SECRET_ERROR_CODES, validateSecret } from '../shared/secret-field.js';
import { LocaleController } from '../shared/l10n/controller.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { bdi } from '../shared/text.js';
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

  private readonly l10n = new LocaleController(this);
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
      this.error = describeError(error, this.l10n.l.t);
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
    this.passwordError = validateSecret(password, this.l10n.l.t.enterResumeSecret, this.l10n.l.t);
    if (this.passwordError || !this.client) {
      this.passwordInput?.focus();
      return;
    }
    this.mode = mode;
    this.progress = undefined;
    this.announcement = this.l10n.l.t.runningNow[mode];
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
      this.error = describeError(error, this.l10n.l.t);
      if (SECRET_ERROR_CODES.includes(this.error.code)) this.typedPassword = '';
      dispatchBackupEvent(this, 'backup-error', { step: mode, unit: this.unit, ...this.error });
    }
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p, this.l10n.l) ?? this.announcement;
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
    this.announcement = this.l10n.l.t.finishedAnnouncement(this.mode, this.reloading);
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
    const { t } = this.l10n.l;
    const unit = bdi(this.unitName);
    return html`
      <h3 tabindex="-1" part="heading">${t.elsewhereHeading(unit)}</h3>
      <p>${t.elsewhere(unit)}</p>
      <div class="actions">
        <button
          class="button"
          part="button"
          type="button"
          @click=${() => this.dispatchEvent(new Event('backup-resume-recheck', { bubbles: true, composed: true }))}
        >
          ${t.checkAgain}
        </button>
      </div>
    `;
  }

  private renderAsk() {
    if (this.unfinished?.busy && !this.error) return this.renderElsewhere();
    const l = this.l10n.l;
    const { t } = l;
    return html`
      <h3 tabindex="-1" part="heading">${t.unfinishedHeading(bdi(this.unitName))}</h3>
      ${renderAlert(this.cause)}
      ${renderUnfinished(l, this.unfinished, this.unitName)}
      <p>${t.resumeOrRollBack}</p>
      ${renderAlert(this.error)}
      <form novalidate @submit=${(e: Event) => (e.preventDefault(), void this.run('resume'))}>
        ${renderSecretField({
          id: 'password',
          label: t.secretLabel,
          t,
          error: this.passwordError,
          value: this.typedPassword,
          onInput: (value) => {
            this.typedPassword = value;
            this.passwordError = '';
          },
        })}
        <div class="actions">
          <button class="button primary" part="button primary-button" type="submit">${t.resume}</button>
          <button class="button" part="button" type="button" @click=${() => this.run('rollback')}>${t.rollBack}</button>
        </div>
      </form>
      ${this.snapshot
        ? html`<p class="hint snapshot">
            ${t.snapshotKept(
              html`<a href=${this.snapshot.url} download=${this.snapshot.filename} part="link">${t.downloadSnapshot}</a>`,
            )}
          </p>`
        : nothing}
    `;
  }

  private renderRunning() {
    const l = this.l10n.l;
    return html`
      <h3 tabindex="-1" part="heading">${l.t.runningHeading[this.mode]}</h3>
      <p>${l.t.keepPageOpen}</p>
      ${renderProgress(this.progress, l.t.runningProgress[this.mode], l)}
    `;
  }

  private renderDone() {
    if (!this.result) return nothing;
    return renderImportResult({
      l: this.l10n.l,
      title: this.l10n.l.t.finishedHeading[this.mode],
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
function renderUnfinished(l: Localizer, u: UnfinishedImport | undefined, unitName: string) {
  const { t } = l;
  if (!u) return html`<p>${t.partlyRestored(bdi(unitName))}</p>`;
  return html`<p>
    ${t.unfinished({
      rollback: u.mode === 'rollback',
      source: html`<strong>${bdi(u.source.unit.name)}</strong>`,
      made: l.date(u.source.createdAt),
      started: l.date(u.startedAt),
      done: l.number(u.steps.done),
      total: l.number(u.steps.total),
      unverified: u.status === 'unverified',
    })}
    ${t.partlyRestored(bdi(unitName))}
  </p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-resume-panel': BackupResumePanel;
  }
}
