import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
// The engines this panel runs, from their modules: the engine barrel would bring every engine into this chunk.
import { planImport } from '../../src/backup/plan.js';
import { runImport } from '../../src/backup/import.js';
import type { DashboardClient, ImportPlan, ImportResult, OpenedBackup, Phase, Progress, SelectiveResult } from '../shared/engine.js';
import { dispatchBackupEvent } from '../shared/events.js';
import { isBackupError } from '../../src/errors.js';
import { StepFocus } from './step-focus.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { describeError, isAbort, type DescribedError } from '../shared/messages.js';
import { announcePhase } from './progress.js';
import { ImportForm } from './import-form.js';
import { renderImportResult } from './import-result.js';
import { reportOperation } from './operation.js';
import { DEFAULT_RELOAD_DELAY_MS, ReloadController, type ReloadHook } from './reload.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { importPanelStyles } from './backup-import-panel.styles.js';
import { SECRET_ERROR_CODES } from '../shared/secret-field.js';
import { LazyParts } from '../shared/lazy.js';
import { IMPORT_PHASES, renderImporting, renderReview, renderValidating, validateBackup } from './import-steps.js';

export { IMPORT_PHASES };

/** The selective chooser and its engine: a chunk of its own, fetched when "Choose what to restore" is approached. */
const CHOOSER = { selective: () => import('./backup-selective-restore.js') };

type ImportStep = 'select' | 'validating' | 'preview' | 'importing' | 'done';

/**
 * The Import tab of `<dashboard-backup>`: choose or drop a file (anywhere on the tab), password, Validate → preview
 * of the backup and of the changes → Import with progress → success and reload. Internal: embedders use
 * `<dashboard-backup>`.
 *
 * @fires backup-validated - The file was opened and compared with this unit.
 * @fires backup-import-done - The import finished and was verified; `preventDefault()` cancels the reload.
 * @fires backup-error - Validation or import failed.
 */
@customElement('backup-import-panel')
export class BackupImportPanel extends LitElement {
  static override styles = [sharedStyles, importPanelStyles];

  /** The Dashboard client the engine uses. */
  @property({ attribute: false }) client?: DashboardClient;
  /** Id of the unit to restore into. */
  @property() unit = '';
  /** Display name of the unit; typing it confirms a restore from another unit. */
  @property({ attribute: 'unit-name' }) unitName = '';
  /** Called after a successful import (after `reloadDelay`); false for none. */
  @property({ attribute: false }) reload: ReloadHook = false;
  /** Milliseconds between showing success and reloading. */
  @property({ type: Number, attribute: 'reload-delay' }) reloadDelay = DEFAULT_RELOAD_DELAY_MS;

  @state() private step: ImportStep = 'select';
  @state() private error?: DescribedError;
  @state() private notice = '';
  @state() private backup?: OpenedBackup;
  @state() private plan?: ImportPlan;
  @state() private confirmation = '';
  @state() private progress?: Progress;
  /** The step of {@link IMPORT_PHASES} the import is in; phases outside the list (reading the unit) belong to it. */
  @state() private importPhase: Phase = IMPORT_PHASES[0]!;
  @state() private announcement = '';
  @state() private result?: ImportResult;
  /** "Choose what to restore" is open (backup-selective-restore.ts) instead of the full import's preview. */
  @state() private selecting = false;

  /** The outcome of this panel's last import (`<dashboard-backup>` shows an unverified one in the resume panel). */
  get lastResult(): ImportResult | undefined {
    return this.result;
  }

  @query('#password') private passwordInput?: HTMLInputElement;

  /** Kept from Validate to Import only: the engine encrypts the safety snapshot with it. Cleared after. */
  private password = '';
  /** The field to focus once the step is rendered, instead of its heading (after a wrong password). */
  private focusField?: string;
  private controller?: AbortController;
  private readonly l10n = new LocaleController(this);
  private readonly chooser = new LazyParts(this, CHOOSER, {
    onFailure: (_part, error) => dispatchBackupEvent(this, 'backup-error', { step: 'import', unit: this.unit, ...describeError(error, this.l10n.l.t, this.l10n.l.lang) }),
  });
  private readonly reloads = new ReloadController(this);
  /** The first step: file (chosen or dropped on the tab), password field, their errors (import-form.ts). */
  private readonly form = new ImportForm(this, () => this.l10n.l, () => this.step === 'select', () => (this.error = undefined));
  private readonly stepFocus = new StepFocus(this);

  /** Moves focus to the heading of the current step, once it is rendered. */
  focusHeading(): Promise<void> {
    return this.stepFocus.focusHeading();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
    this.password = '';
  }

  private goTo(step: ImportStep): void {
    this.step = step;
    this.stepFocus.next(() => {
      const field = this.focusField; // set by fail() after a wrong password, in the same task
      this.focusField = undefined;
      return field ? this.renderRoot.querySelector(field) : null;
    });
  }

  private get confirmed(): boolean {
    if (!this.plan || this.plan.sameUnit) return true;
    const typed = this.confirmation.trim().toLowerCase();
    return typed === this.unitName.trim().toLowerCase() || typed === this.unit.toLowerCase();
  }

  private async handleValidate(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const password = this.passwordInput?.value ?? '';
    this.error = undefined;
    this.notice = '';
    const file = this.form.file;
    if (!this.form.check(password) || !file || !this.client) return;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    this.progress = undefined;
    this.announcement = this.l10n.l.t.opening;
    this.goTo('validating');
    reportOperation(this, 'validate');
    try {
      const onProgress = (p: Progress) => this.handleProgress(p);
      const { backup, plan, validated } = await validateBackup(this.client, file, password, this.unit, { signal, onProgress });
      reportOperation(this, null);
      this.password = password;
      this.backup = backup;
      this.plan = plan;
      this.confirmation = '';
      this.announcement = this.l10n.l.t.checked;
      this.goTo('preview');
      dispatchBackupEvent(this, 'backup-validated', validated);
    } catch (error) {
      reportOperation(this, null);
      this.goTo('select');
      if (isAbort(error)) {
        this.notice = this.l10n.l.t.validationCancelled;
        return;
      }
      this.fail('validate', error);
    } finally {
      this.controller = undefined;
    }
  }

  private fail(step: 'validate' | 'import', error: unknown): void {
    this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
    if (SECRET_ERROR_CODES.includes(this.error.code)) {
      // The one failure the typed password caused: it goes, and the field is where the admin types again.
      this.form.forgetPassword();
      this.focusField = '#password';
    }
    this.announcement = '';
    dispatchBackupEvent(this, 'backup-error', { step, unit: this.unit, ...this.error });
  }

  private handleProgress(p: Progress): void {
    this.announcement = announcePhase(this.progress, p, this.l10n.l) ?? this.announcement;
    this.progress = p;
    if (IMPORT_PHASES.includes(p.phase)) this.importPhase = p.phase;
  }

  private async handleImport(): Promise<void> {
    if (!this.client || !this.backup || !this.plan || !this.confirmed) return;
    this.error = undefined;
    this.progress = undefined;
    this.importPhase = IMPORT_PHASES[0]!;
    this.announcement = this.l10n.l.t.importingNow(this.unitName);
    this.goTo('importing');
    reportOperation(this, 'import');
    try {
      // The element shows success before reloading, so the engine must not reload by itself.
      this.result = await runImport(this.client, this.backup, this.password, {
        unit: this.unit,
        confirmOtherUnit: !this.plan.sameUnit,
        // The plan the admin approved: a unit that changed since is refused with PLAN_CHANGED.
        expectedPlan: this.plan,
        onProgress: (p) => this.handleProgress(p),
        reload: false,
      });
      // Before the reload is scheduled: the element drops its leave-page guard, so that reload asks nothing.
      reportOperation(this, null);
      this.finish();
    } catch (error) {
      reportOperation(this, null);
      this.goTo('preview');
      this.fail('import', error);
      // The unit changed since the preview: show the current consequences before the admin tries again.
      if (isBackupError(error, 'PLAN_CHANGED') && this.backup) {
        this.plan = await planImport(this.client, this.backup, { unit: this.unit }).catch(() => this.plan);
      }
    }
  }

  private finish(restored?: SelectiveResult['restored']): void {
    const result = this.result;
    if (!result) return;
    this.password = '';
    this.form.forgetPassword();
    this.backup = undefined;
    const proceed = dispatchBackupEvent(this, 'backup-import-done', {
      unit: this.unit,
      mode: restored ? 'selective' : 'import',
      counts: result.counts,
      differences: result.differences.length,
      ...(restored ? { restored } : {}),
    });
    const reloading = this.reloads.start(proceed, this.reload, this.reloadDelay);
    this.announcement = this.l10n.l.t.importCompleteAnnouncement(reloading);
    this.goTo('done');
  }

  private handleCancel(): void {
    this.controller?.abort();
  }

  private handleBack(): void {
    this.password = '';
    this.backup = undefined;
    this.plan = undefined;
    this.error = undefined;
    this.goTo('select');
  }

  private renderPreview() {
    const { plan, backup } = this;
    if (!plan || !backup) return nothing;
    const l = this.l10n.l;
    if (this.selecting) {
      return this.chooser.render('selective', l, () => html`<backup-selective-restore .client=${this.client} unit=${this.unit}
        unit-name=${this.unitName} .backup=${backup} .password=${this.password} .confirmOtherUnit=${!plan.sameUnit && this.confirmed}
        @selective-back=${() => { this.selecting = false; this.goTo('preview'); }}
        @selective-done=${(e: CustomEvent<SelectiveResult>) => { this.selecting = false; this.result = e.detail; this.finish(e.detail.restored); }}
      ></backup-selective-restore>`);
    }
    return renderReview({
      l,
      plan,
      backup,
      unitName: this.unitName,
      error: this.error,
      confirmation: this.confirmation,
      confirmed: this.confirmed,
      onConfirmation: (text) => (this.confirmation = text),
      onImport: () => void this.handleImport(),
      onChoose: () => (this.selecting = true),
      onApproachChoose: () => void this.chooser.load('selective'),
      onBack: () => this.handleBack(),
    });
  }

  private renderDone() {
    if (!this.result) return nothing;
    return renderImportResult({
      l: this.l10n.l,
      title: 'restored' in this.result ? this.l10n.l.t.selectiveComplete : this.l10n.l.t.importComplete,
      unitName: this.unitName,
      result: this.result,
      reloading: this.reloads.reloading,
      reloaded: this.reloads.reloaded,
      onReloadNow: () => this.reloads.now(),
    });
  }

  override render() {
    const views: Record<ImportStep, () => unknown> = {
      select: () =>
        this.form.render({
          unitName: this.unitName || this.unit,
          notice: this.notice,
          error: this.error,
          onSubmit: (event) => void this.handleValidate(event),
        }),
      validating: () => renderValidating(this.l10n.l, this.progress, () => this.handleCancel()),
      preview: () => this.renderPreview(),
      importing: () => renderImporting(this.l10n.l, this.unitName, this.importPhase, this.progress),
      done: () => this.renderDone(),
    };
    return html`${views[this.step]()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-import-panel': BackupImportPanel;
  }
}
