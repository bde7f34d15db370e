import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DashboardClient, ImportResult } from '../shared/engine.js';
import { dispatchBackupEvent, type BackupOperation } from '../shared/events.js';
import { describeError } from '../shared/messages.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi } from '../shared/text.js';
import { renderAlert } from '../shared/notices.js';
import { DEFAULT_RELOAD_DELAY_MS, type ReloadHook } from './reload.js';
import { refuseFileDrops } from './drop-target.js';
import type { Tab } from './tabs.js';
import { renderBody } from './views.js';
import { StepFlow } from './step-flow.js';
import { renderUnitSwitch } from './unit-switch.js';
import { WorkTarget } from './target.js';
import { themeStyles } from '../shared/theme.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dashboardBackupStyles } from './dashboard-backup.styles.js';
import type { BackupExportPanel } from './backup-export-panel.js';
import type { BackupImportPanel } from './backup-import-panel.js';
import type { BackupResumePanel } from './backup-resume-panel.js';
import { LazyParts } from '../shared/lazy.js';
import { PANELS, PANEL_STEPS, renderResume, renderTabs, type Panel, type PanelContext } from './panels.js';

// The events' detail types and the GlobalEventHandlersEventMap entries, for embedders' type-checking.
export type {
  BackupBusyChangeDetail,
  BackupErrorDetail,
  BackupExportDoneDetail,
  BackupImportDoneDetail,
  BackupOperation,
  BackupValidatedDetail,
  DashboardBackupEventMap,
} from '../shared/events.js';
// Languages: a host adds one, or overrides sentences (README, "Language").
export { registerCatalog } from '../shared/l10n/localizer.js';
export type { Catalog, CatalogOverrides, Plural } from '../shared/l10n/catalog.js';

/**
 * Encrypted backup and restore of a Dashboard unit, for its administrators: a warning step, then Export and Import
 * tabs; resumes or rolls back an import that did not finish.
 *
 * While an operation runs, the element is `busy` (read-only, reflected as the `busy` attribute; `operation` says
 * which) and the other tab is locked. While one that changes the unit runs (import, resume, rollback), leaving the
 * page asks for confirmation and a file dropped anywhere on the window is refused rather than opened by the
 * browser; the reload the element itself does after a verified import asks nothing. A file dropped anywhere on the
 * Import tab's form is taken as the backup to import; elsewhere on the element a dropped file is ignored.
 *
 * A change of `unit`, `client` or `api-base` while an operation runs does not move it: the element goes on with,
 * and shows the outcome for, the unit the operation started on, says that the page asked for another, and once the
 * operation has ended offers to go there (the reload after a verified import goes ahead as usual).
 *
 * @summary Back up a Dashboard unit to an encrypted file, or restore one.
 *
 * @fires {CustomEvent<BackupExportDoneDetail>} backup-export-done - A backup file was made and downloaded.
 *   `detail`: unit, filename, bytes, counts.
 * @fires {CustomEvent<BackupValidatedDetail>} backup-validated - A backup was opened and compared with this unit.
 *   `detail`: counts, units, flags.
 * @fires {CustomEvent<BackupImportDoneDetail>} backup-import-done - An import (or resume, rollback, re-check)
 *   finished. `detail`: unit, mode, counts, differences (0: verified). Call `preventDefault()` to cancel the reload
 *   that follows a verified one; an unverified one never reloads (the element offers Re-check, Keep, Roll back).
 * @fires {CustomEvent<BackupErrorDetail>} backup-error - A step failed. `detail`: step, code, message (the sentence
 *   shown), unit.
 * @fires {CustomEvent<BackupBusyChangeDetail>} backup-busy-change - An operation started or ended. `detail`: busy,
 *   operation (null when none runs).
 *
 * @csspart base - The frame around everything.
 * @csspart tabs - The tab list.
 * @csspart tab - Each tab (Export, Import).
 * @csspart heading - Each step's heading.
 * @csspart button - Every button (and link styled as one).
 * @csspart primary-button - The main action of a step (also has the `button` part).
 * @csspart input - Text and password fields.
 * @csspart label - The labels of the fields.
 * @csspart notice - Warnings, errors and confirmations.
 * @csspart progress - A progress bar with its text.
 * @csspart progress-bar - The bar itself (a `<progress>`).
 * @csspart dropzone - Where a backup file can be dropped.
 * @csspart counts - The counts of what a backup holds, in the import preview.
 * @csspart plan - The table of what an import changes, in the import preview.
 * @csspart link - Links (the safety snapshot's download).
 *
 * @cssproperty --dashboard-backup-background - Background.
 * @cssproperty --dashboard-backup-surface - Background of fields, tiles and secondary buttons.
 * @cssproperty --dashboard-backup-color - Text colour.
 * @cssproperty --dashboard-backup-muted-color - Secondary text.
 * @cssproperty --dashboard-backup-border-color - Borders.
 * @cssproperty --dashboard-backup-accent-color - Primary buttons, selected tab, progress.
 * @cssproperty --dashboard-backup-accent-contrast-color - Text on the accent colour.
 * @cssproperty --dashboard-backup-danger-color - Errors and the Import button.
 * @cssproperty --dashboard-backup-danger-background - Background of error notices.
 * @cssproperty --dashboard-backup-warning-background - Background of warnings.
 * @cssproperty --dashboard-backup-warning-border-color - Border of warnings.
 * @cssproperty --dashboard-backup-success-color - Border of success notices.
 * @cssproperty --dashboard-backup-success-background - Background of success notices.
 * @cssproperty --dashboard-backup-focus-ring-color - Keyboard focus outline.
 * @cssproperty --dashboard-backup-radius - Corner radius.
 * @cssproperty --dashboard-backup-spacing - Base spacing.
 * @cssproperty --dashboard-backup-font-family - Font; default: the page's (inherited).
 * @cssproperty --dashboard-backup-font-size - Base font size.
 */
@customElement('dashboard-backup')
export class DashboardBackup extends LitElement {
  static override styles = [themeStyles, sharedStyles, dashboardBackupStyles];

  /** Base URL of the Dashboard API, used when no `client` is given. */
  @property({ attribute: 'api-base' }) apiBase = '/api';
  /** Id of the unit to back up or restore; defaults to the session's current unit. */
  @property() unit = '';
  /** Another Dashboard client to use instead of the REST client for `api-base`. */
  @property({ attribute: false }) client?: DashboardClient;
  /** Replaces the reload after an import (default `location.reload()`); false disables it. */
  @property({ attribute: false }) reload?: ReloadHook;
  /** Disables the reload after an import. */
  @property({ type: Boolean, attribute: 'no-reload' }) noReload = false;
  /** Milliseconds between showing an import's success and reloading. */
  @property({ type: Number, attribute: 'reload-delay' }) reloadDelay = DEFAULT_RELOAD_DELAY_MS;
  /** `light`, `dark`, or `auto` (follows the system). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @state() private tab: Tab = 'export';

  @query('backup-export-panel') private exportPanel?: BackupExportPanel;
  @query('backup-import-panel') private importPanel?: BackupImportPanel;
  @query('backup-resume-panel') private resumePanel?: BackupResumePanel;

  private readonly l10n = new LocaleController(this);
  private readonly target = new WorkTarget(this, () => this.l10n.l.t.anotherConnection);
  /** The step shown (first step, tabs, resume) and how it moves: step-flow.ts. */
  private readonly flow = new StepFlow(this, this.target, () => this.l10n.l);
  private readonly panels = new LazyParts<Panel>(this, PANELS, {
    onFailure: (panel, error) =>
      dispatchBackupEvent(this, 'backup-error', {
        step: PANEL_STEPS[panel],
        unit: this.unitId || undefined,
        ...describeError(error, this.l10n.l.t, this.l10n.l.lang),
      }),
  });
  /** Whether the Import tab was opened once: its panel is fetched and rendered from then on (and keeps its state). */
  @state() private importOpened = false;
  private stopRefusingDrops = () => {};

  /** The unit this element works on: the one an operation runs on, else the `unit` asked for. */
  get unitId(): string {
    return this.target.unitId;
  }

  /**
   * True while an export, a validation, an import, a resume or a rollback runs; reflected as the `busy` attribute.
   * Read-only. `backup-busy-change` says when it changes.
   */
  get busy(): boolean {
    return this.target.running !== null;
  }

  /** The operation that runs (`export`, `validate`, `import`, `resume`, `rollback`), or null. Read-only. */
  get operation(): BackupOperation | null {
    return this.target.running;
  }

  private get reloadHook(): ReloadHook {
    if (this.noReload || this.reload === false) return false;
    return this.reload ?? (() => location.reload());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The Import tab's form takes a dropped file; anywhere else on the element, the drop is refused.
    this.stopRefusingDrops = refuseFileDrops(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopRefusingDrops();
    // The page guard stays while an operation runs: the engine goes on when the element is removed.
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // While an operation is pinned, the change waits (the notice says so): see renderUnitSwitch.
    if ((changed.has('client') || changed.has('apiBase') || changed.has('unit')) && !this.target.pinned) void this.flow.load();
  }

  /**
   * Focuses the heading of `panel` once its chunk is in (the busy line or the failure has no heading).
   * @internal for the step controller (step-flow.ts)
   */
  async focusPanel(panel: Panel): Promise<void> {
    if (!(await this.panels.whenReady(panel))) return;
    const element = panel === 'export' ? this.exportPanel : panel === 'import' ? this.importPanel : this.resumePanel;
    await element?.focusHeading();
  }

  /**
   * The result of the import panel's last import (for the resume panel after one that did not verify).
   * @internal for the step controller (step-flow.ts)
   */
  lastImportResult(): ImportResult | undefined {
    return this.importPanel?.lastResult;
  }

  private handleContinue(): void {
    void this.flow.show('tabs', () => this.focusPanel(this.tab));
  }

  private selectTab(tab: Tab, focus: boolean): void {
    this.tab = tab;
    if (tab === 'import') this.importOpened = true;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /** What every panel gets: the client and unit an operation runs on, the reload, the operation reports. */
  private get panelContext(): PanelContext {
    return {
      l: this.l10n.l,
      parts: this.panels,
      client: this.target.workClient,
      unit: this.unitId,
      unitName: this.target.unitName,
      reload: this.reloadHook,
      reloadDelay: this.reloadDelay,
      onOperation: (event) => this.target.operationChanged(event.detail),
    };
  }

  private renderBody() {
    const context = this.panelContext;
    const flow = this.flow;
    return renderBody({
      l: this.l10n.l,
      view: flow.view,
      unitName: this.target.unitName,
      userName: this.target.session?.user.name ?? '',
      error: flow.error,
      journalProblem: flow.journalProblem,
      otherJournals: flow.otherJournals,
      onRetry: () => void flow.load(),
      onContinue: () => this.handleContinue(),
      onApproachContinue: () => void this.panels.load('export'),
      renderResume: () =>
        renderResume({
          ...context,
          cause: flow.resumeCause,
          unfinished: flow.unfinished,
          outcome: flow.outcome,
          onClosed: () => flow.resumeClosed(),
          onRecheck: () => void flow.recheck(),
        }),
      renderTabs: () =>
        renderTabs({
          ...context,
          tab: this.tab,
          importOpened: this.importOpened,
          operation: this.target.running,
          onSelect: (tab, focus) => this.selectTab(tab, focus),
          onImportDone: (event) => flow.importDone(event),
          onImportError: (event) => void flow.importFailed(event),
        }),
    });
  }

  private renderSwitch() {
    const { requestedSwitch: requested, pinned, running: operation } = this.target;
    if (!requested || !pinned) return nothing;
    // The admin moves to what the page asked for, once the operation has ended.
    return renderUnitSwitch({ l: this.l10n.l, pinned, requested, operation, onSwitch: () => void this.flow.recheck() });
  }

  override render() {
    return html`<div class="base" part="base">
      <div class="title">
        <h2>${this.l10n.l.t.title}</h2>
        ${this.target.session ? html`<span class="muted">${bdi(this.target.unitName)}</span>` : nothing}
      </div>
      ${isSecureContext // no WebCrypto without it: say so instead of taking passwords that cannot be used
        ? html`${this.renderSwitch()} ${this.renderBody()}`
        : renderAlert({ code: 'INSECURE_CONTEXT', message: this.l10n.l.t.errors.INSECURE_CONTEXT })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-backup': DashboardBackup;
  }
}
