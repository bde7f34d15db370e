import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
// The engines this panel runs, from their modules: the engine barrel would bring every engine into this chunk.
import { discardUnfinishedImport, resumeImport, rollbackImport } from '../../src/backup/resume.js';
import { recheckImport } from '../../src/backup/outcome.js';
import { ReviewNeededError } from '../../src/backup/drift.js';
import type { DashboardClient, ImportPlan, ImportResult, Progress, UnfinishedImport } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import { announcePhase } from './progress.js';
import { renderImportResult } from './import-result.js';
import { renderSecretField, SECRET_ERROR_CODES, validateSecret } from '../shared/secret-field.js';
import { renderReview } from './resume-review.js';
import { StepFocus } from './step-focus.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { doneTitle, outcomeTitle, renderElsewhere, renderKept, type Mode, type UnverifiedOutcome } from './resume-steps.js';
import { SafetySnapshots } from './safety-snapshot.js';
import { renderAskForm, renderRunning, renderUnverifiedForm, type ResumeFormView } from './resume-forms.js';
import { reportOperation } from './operation.js';
import { DEFAULT_RELOAD_DELAY_MS, ReloadController, type ReloadHook } from './reload.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { importPanelStyles } from './backup-import-panel.styles.js';

type ResumeStep = 'ask' | 'running' | 'done' | 'unverified' | 'review' | 'kept';

export type { UnverifiedOutcome } from './resume-steps.js';

/**
 * Shown by `<dashboard-backup>` when an import into this unit stopped before it finished: Resume or Roll back (both
 * need the backup's password), and a link to the safety snapshot. When an import, resume or rollback finished but
 * its read-back differed (`outcome`, or an `unverified` journal): the differences, no reload, and Re-check, Keep as
 * it is (ends the journal; the snapshot stays downloadable in the page) or Roll back. Internal: embedders use
 * `<dashboard-backup>`.
 *
 * @fires backup-import-done - The resumed import, the rollback or the re-check finished (verified or not);
 *   `preventDefault()` cancels the reload that follows a verified one.
 * @fires backup-import-kept - Internal: the admin kept an unverified outcome (the journal was ended).
 * @fires backup-error - Resume, rollback or reading the snapshot failed.
 * @fires backup-resume-closed - Internal: the user left the panel after finishing without a reload.
 * @fires backup-resume-recheck - Internal: the import was running in another tab and the user asks to look again.
 */
@customElement('backup-resume-panel')
export class BackupResumePanel extends LitElement {
  static override styles = [sharedStyles, importPanelStyles];

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
  /** An outcome that was not verified (from the Import tab): shown with its differences and the choices. */
  @property({ attribute: false }) outcome?: UnverifiedOutcome;

  @state() private step: ResumeStep = 'ask';
  @state() private mode: Mode = 'resume';
  @state() private error?: DescribedError;
  @state() private passwordError = '';
  @state() private progress?: Progress;
  @state() private announcement = '';
  @state() private result?: ImportResult;
  /** The unverified outcome shown: `outcome`, then what a Re-check, resume or rollback here ended with. */
  @state() private shown?: UnverifiedOutcome;
  /** A resume or rollback refused until the admin has seen what it would change (RESUME_NEEDS_REVIEW). */
  @state() private review?: { mode: 'resume' | 'rollback'; plan: ImportPlan; drift: Parameters<typeof renderReview>[0]['drift'] };
  /** Where Cancel on the review step goes back to. */
  private returnTo: ResumeStep = 'ask';

  @query('#password') private passwordInput?: HTMLInputElement;

  private readonly l10n = new LocaleController(this);
  private readonly reloads = new ReloadController(this);
  private readonly snapshots = new SafetySnapshots(this, (error) => {
    this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
    dispatchBackupEvent(this, 'backup-error', { step: 'snapshot', unit: this.unit, ...this.error });
  });
  private readonly stepFocus = new StepFocus(this);
  /** What the password field holds, kept across the steps until the operation completes (see password-field.ts). */
  private typedPassword = '';

  /** Moves focus to the heading of the current step, once it is rendered. */
  focusHeading(): Promise<void> {
    return this.stepFocus.focusHeading();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The parent sets `outcome` again on each of its renders (an object): only a new one resets what is shown.
    if (changed.has('outcome') && this.outcome) {
      this.shown = this.outcome;
      this.step = 'unverified';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.typedPassword = '';
  }

  private goTo(step: ResumeStep): void {
    this.step = step;
    this.focusAfterRender();
  }

  /** After a wrong password, the field is where the admin types again; otherwise the step's heading. */
  private focusAfterRender(): void {
    this.stepFocus.next(() => (this.error && SECRET_ERROR_CODES.includes(this.error.code) ? this.passwordInput : null));
  }

  private async run(mode: Mode, expectedPlan?: ImportPlan): Promise<void> {
    // From the review step the password field is gone: what was typed is kept until the operation completes.
    const password = this.passwordInput?.value ?? this.typedPassword;
    this.error = undefined;
    this.passwordError = validateSecret(password, this.l10n.l.t.enterResumeSecret, this.l10n.l.t);
    const from = this.step === 'review' ? this.returnTo : this.step === 'unverified' ? 'unverified' : 'ask';
    this.returnTo = from;
    if (this.passwordError || !this.client) {
      this.passwordInput?.focus();
      return;
    }
    this.mode = mode;
    this.progress = undefined;
    this.announcement = this.l10n.l.t.runningHeading[mode] + '…';
    this.goTo('running');
    reportOperation(this, mode === 'recheck' ? 'resume' : mode);
    try {
      const options = {
        unit: this.unit,
        onProgress: (p: Progress) => this.handleProgress(p),
        reload: false as const,
        ...(expectedPlan ? { expectedPlan } : {}),
      };
      const run = mode === 'resume' ? resumeImport : mode === 'rollback' ? rollbackImport : recheckImport;
      this.result = await run(this.client, password, options);
      // Before the reload is scheduled: the element drops its leave-page guard, so that reload asks nothing.
      reportOperation(this, null);
      this.finish();
    } catch (error) {
      reportOperation(this, null);
      void this.snapshots.loadFresh();
      if (error instanceof ReviewNeededError && mode !== 'recheck') {
        // Someone else's work would be deleted or overwritten: show what, and the plan, before anything is sent.
        this.review = { mode, plan: error.plan, drift: error.driftItems };
        this.announcement = `${this.l10n.l.t.reviewTitle[mode]}.`;
        this.goTo('review');
        return;
      }
      this.goTo(from);
      this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
      if (SECRET_ERROR_CODES.includes(this.error.code)) this.typedPassword = '';
      dispatchBackupEvent(this, 'backup-error', { step: mode === 'recheck' ? 'resume' : mode, unit: this.unit, ...this.error });
    }
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p, this.l10n.l) ?? this.announcement;
    this.progress = p;
  }

  private finish(): void {
    const result = this.result;
    if (!result) return;
    const proceed = dispatchBackupEvent(this, 'backup-import-done', {
      unit: this.unit,
      mode: this.mode === 'rollback' ? 'rollback' : 'resume',
      counts: result.counts,
      differences: result.differences.length,
    });
    if (!result.verified) {
      // Not verified: no reload, no "complete"; the password stays typed for Re-check or Roll back.
      this.shown = { mode: this.mode, result };
      this.announcement = `${outcomeTitle(this.l10n.l, this.shown?.mode ?? 'import', this.isRollback)}.`;
      this.goTo('unverified');
      return;
    }
    this.typedPassword = '';
    const reloading = this.reloads.start(proceed, this.reload, this.reloadDelay);
    const title = doneTitle(this.l10n.l, this.mode, this.isRollback, this.unfinished?.mode === 'rollback');
    this.announcement = this.l10n.l.t.doneAnnouncement(title, reloading);
    this.goTo('done');
  }

  /** True when the journal is a rollback's: what it restores is the safety snapshot. */
  private get isRollback(): boolean {
    return this.mode === 'rollback' || this.unfinished?.mode === 'rollback';
  }

  /** Keep as it is: the journal ends; the snapshot, read before, stays downloadable while the page is open. */
  private async handleKeep(): Promise<void> {
    if (!this.client) return;
    this.error = undefined;
    try {
      if (!this.snapshots.snapshot) await this.snapshots.load();
      await discardUnfinishedImport({ unit: this.unit, client: this.client });
      this.typedPassword = '';
      this.announcement = this.l10n.l.t.keptAnnouncement(this.unitName);
      this.goTo('kept');
      this.dispatchEvent(new Event('backup-import-kept', { bubbles: true, composed: true }));
    } catch (error) {
      this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
      this.focusAfterRender();
      dispatchBackupEvent(this, 'backup-error', { step: 'rollback', unit: this.unit, ...this.error });
    }
  }

  private handleClose(): void {
    this.dispatchEvent(new Event('backup-resume-closed', { bubbles: true, composed: true }));
  }

  private renderPassword() {
    return renderSecretField({
      id: 'password',
      label: this.l10n.l.t.secretLabel,
      t: this.l10n.l.t,
      error: this.passwordError,
      value: this.typedPassword,
      onInput: (value) => {
        this.typedPassword = value;
        this.passwordError = '';
      },
    });
  }

  /** What both forms get. */
  private formView(): ResumeFormView {
    return {
      l: this.l10n.l,
      unitName: this.unitName,
      error: this.error,
      secretField: this.renderPassword(),
      snapshot: this.snapshots.snapshot,
      freshSnapshot: this.snapshots.fresh,
      onRun: (mode) => void this.run(mode),
    };
  }

  private renderUnverifiedStep() {
    const title = outcomeTitle(this.l10n.l, this.shown?.mode ?? 'import', this.isRollback);
    const shown = this.shown && { title, result: this.shown.result };
    return renderUnverifiedForm({
      ...this.formView(), shown, isRollback: this.isRollback, selective: this.unfinished?.selective === true, onKeep: () => void this.handleKeep() });
  }

  private renderAsk() {
    const recheck = () => this.dispatchEvent(new Event('backup-resume-recheck', { bubbles: true, composed: true }));
    if (this.unfinished?.busy && !this.error) return renderElsewhere(this.l10n.l, this.unitName, recheck);
    if (this.unfinished?.status === 'unverified') return this.renderUnverifiedStep();
    return renderAskForm({ ...this.formView(), unfinished: this.unfinished, cause: this.cause });
  }

  private renderDone() {
    if (!this.result) return nothing;
    return renderImportResult({
      l: this.l10n.l,
      title: doneTitle(this.l10n.l, this.mode, this.isRollback, this.unfinished?.mode === 'rollback'),
      unitName: this.unitName,
      result: this.result,
      reloading: this.reloads.reloading,
      reloaded: this.reloads.reloaded,
      onReloadNow: () => this.reloads.now(),
      onContinue: () => this.handleClose(),
    });
  }

  override render() {
    const body = {
      ask: () => this.renderAsk(),
      running: () => renderRunning(this.l10n.l, this.mode, this.progress),
      done: () => this.renderDone(),
      unverified: () => this.renderUnverifiedStep(),
      review: () =>
        this.review
          ? renderReview({
              l: this.l10n.l,
              ...this.review,
              unitName: this.unitName,
              onConfirm: () => void this.run(this.review!.mode, this.review!.plan),
              onCancel: () => this.goTo(this.returnTo),
            })
          : nothing,
      kept: () => renderKept(this.l10n.l, this.unitName, this.snapshots.snapshot, () => this.handleClose()),
    }[this.step]();
    return html`${body}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-resume-panel': BackupResumePanel;
  }
}
