import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
// From the modules themselves, not the engine barrel (../shared/engine.ts): esbuild splits by the files a module
// imports, so a barrel here would put every engine in the first download. The panels (lazy) use the barrel.
import { createRestClient } from '../../src/api/rest-client.js';
import { findOtherUnfinishedImports, findUnfinishedImport } from '../../src/backup/unfinished.js';
import type { DashboardClient, UnfinishedImport } from '../shared/engine.js';
import { renderOtherJournals } from './resume-steps.js';
import { dispatchBackupEvent, type BackupErrorDetail, type BackupImportDoneDetail, type BackupOperation } from '../shared/events.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { bdi } from '../shared/text.js';
import { renderAlert } from '../shared/notices.js';
import { DEFAULT_RELOAD_DELAY_MS, type ReloadHook } from './reload.js';
import { changesUnit } from './operation.js';
import { refuseFileDrops } from './drop-target.js';
import { guardPage } from './page-guard.js';
import { renderTabList, type Tab } from './tabs.js';
import { renderWarningStep } from './warning-step.js';
import { renderUnitSwitch, type PinnedTarget, type RequestedSwitch } from './unit-switch.js';
import type { Session } from '../../src/schemas.js';
import { themeStyles } from '../shared/theme.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { dashboardBackupStyles } from './dashboard-backup.styles.js';
import type { BackupExportPanel } from './backup-export-panel.js';
import type { BackupImportPanel } from './backup-import-panel.js';
import type { BackupResumePanel, UnverifiedOutcome } from './backup-resume-panel.js';
import { LazyParts } from '../shared/lazy.js';
import type { BackupStep } from '../shared/events.js';

/**
 * The panels, each in a chunk of its own with the engines it needs: the first step (warning, or an unfinished
 * import) shows before any of them is fetched. Export is fetched when the pointer or focus reaches Continue, Import
 * when it reaches the Import tab, Resume when an unfinished import is found.
 */
const PANELS = {
  export: () => import('./backup-export-panel.js'),
  import: () => import('./backup-import-panel.js'),
  resume: () => import('./backup-resume-panel.js'),
};
type Panel = keyof typeof PANELS;
const PANEL_STEPS: Readonly<Record<Panel, BackupStep>> = { export: 'export', import: 'validate', resume: 'resume' };

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

type View = 'loading' | 'failed' | 'forbidden' | 'unfinished' | 'warning' | 'tabs';

/** Parts of the inner panels, re-exported so `::part()` reaches them from the page. */
const INNER_PARTS = 'heading, button, primary-button, input, label, notice, progress, progress-bar, dropzone, counts, plan, link';

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

  @state() private view: View = 'loading';
  @state() private tab: Tab = 'export';
  @state() private session?: Session;
  @state() private error?: DescribedError;
  @state() private resumeCause?: DescribedError;
  @state() private unfinished?: UnfinishedImport;
  /** Unfinished imports this browser holds for other Dashboards: listed, never offered or applied here. */
  @state() private otherJournals: UnfinishedImport[] = [];
  /** An import whose read-back differed, shown in the resume panel with the choices. */
  @state() private outcome?: UnverifiedOutcome;
  @state() private journalProblem?: DescribedError;
  @state() private running: BackupOperation | null = null;
  /** What the current operation works on; kept after it ends while the page asks for something else. */
  @state() private pinned?: PinnedTarget;

  @query('backup-export-panel') private exportPanel?: BackupExportPanel;
  @query('backup-import-panel') private importPanel?: BackupImportPanel;
  @query('backup-resume-panel') private resumePanel?: BackupResumePanel;

  private restClient?: { baseUrl: string; client: DashboardClient };
  private loadCount = 0;
  private readonly l10n = new LocaleController(this);
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
  private releasePage = () => {};
  private stopRefusingDrops = () => {};

  /** The unit this element works on: the one an operation runs on, else the `unit` asked for. */
  get unitId(): string {
    return this.pinned?.unit ?? this.requestedUnit;
  }

  /** The unit the page asks for: `unit`, or the session's current unit. */
  private get requestedUnit(): string {
    return this.unit || this.session?.unit.id || '';
  }

  /**
   * True while an export, a validation, an import, a resume or a rollback runs; reflected as the `busy` attribute.
   * Read-only. `backup-busy-change` says when it changes.
   */
  get busy(): boolean {
    return this.running !== null;
  }

  /** The operation that runs (`export`, `validate`, `import`, `resume`, `rollback`), or null. Read-only. */
  get operation(): BackupOperation | null {
    return this.running;
  }

  private get unitName(): string {
    return this.pinned?.unitName ?? this.nameOf(this.unitId);
  }

  private nameOf(id: string): string {
    return this.session?.units.find((u) => u.id === id)?.name ?? (this.session?.unit.id === id ? this.session.unit.name : id);
  }

  /** The client the panels use: the one an operation runs with, else the one asked for. */
  private get workClient(): DashboardClient {
    return this.pinned?.client ?? this.activeClient;
  }

  /** What the page asks for, when an operation (running or ended) is pinned to something else. */
  private get requestedSwitch(): RequestedSwitch | undefined {
    const pinned = this.pinned;
    if (!pinned) return undefined;
    if (this.activeClient !== pinned.client) return { label: this.l10n.l.t.anotherConnection };
    if (this.requestedUnit !== pinned.unit) return { label: this.nameOf(this.requestedUnit) };
    return undefined;
  }

  /** The client for `client` or `api-base`. */
  private get activeClient(): DashboardClient {
    if (this.client) return this.client;
    if (this.restClient?.baseUrl !== this.apiBase) {
      this.restClient = { baseUrl: this.apiBase, client: createRestClient({ baseUrl: this.apiBase }) };
    }
    return this.restClient.client;
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
    if ((changed.has('client') || changed.has('apiBase') || changed.has('unit')) && !this.pinned) void this.load();
  }

  /** A panel's operation started or ended: `busy`, the tab lock and, for one that changes the unit, the page guard. */
  private handleOperation(event: CustomEvent<BackupOperation | null>): void {
    const operation = event.detail;
    if (operation === this.running) return;
    this.running = operation;
    if (operation && !this.pinned) {
      this.pinned = { client: this.workClient, unit: this.unitId, unitName: this.unitName };
    }
    if (!operation && !this.requestedSwitch) this.pinned = undefined;
    // At once, not at the next render: a panel reports the end of an import just before it schedules the reload.
    this.releasePage();
    this.releasePage = changesUnit(operation) ? guardPage() : () => {};
    this.toggleAttribute('busy', operation !== null);
    dispatchBackupEvent(this, 'backup-busy-change', { busy: operation !== null, operation });
  }

  /** Reads the session and looks for an unfinished import; picks the first step from them. */
  private async load(): Promise<void> {
    const run = ++this.loadCount;
    this.pinned = undefined; // never called while an operation runs
    this.outcome = undefined;
    this.view = 'loading';
    this.error = undefined;
    try {
      const session = await this.activeClient.getSession();
      if (run !== this.loadCount) return;
      this.session = session;
      if (session.role !== 'admin') {
        this.view = 'forbidden';
        return;
      }
      // A browser without usable IndexedDB can still export: report the problem, go on.
      const unfinished = await findUnfinishedImport({ unit: this.unitId, client: this.activeClient }).catch((error: unknown) => {
        this.journalProblem = describeError(error, this.l10n.l.t, this.l10n.l.lang);
        dispatchBackupEvent(this, 'backup-error', { step: 'session', unit: this.unitId, ...this.journalProblem });
        return undefined;
      });
      const others = await findOtherUnfinishedImports({ client: this.activeClient }).catch(() => []);
      if (run !== this.loadCount) return;
      this.otherJournals = others;
      this.unfinished = unfinished;
      this.view = unfinished ? 'unfinished' : 'warning';
    } catch (error) {
      if (run !== this.loadCount) return;
      this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
      this.view = 'failed';
      dispatchBackupEvent(this, 'backup-error', { step: 'session', unit: this.unitId || undefined, ...this.error });
    }
  }

  private async show(view: View, focus: () => unknown): Promise<void> {
    this.view = view;
    await this.updateComplete;
    await focus();
  }

  /** Focuses the heading of `panel` once its chunk is in (the busy line or the failure has no heading). */
  private async focusPanel(panel: Panel): Promise<void> {
    if (!(await this.panels.whenReady(panel))) return;
    const element = panel === 'export' ? this.exportPanel : panel === 'import' ? this.importPanel : this.resumePanel;
    await element?.focusHeading();
  }

  private handleContinue(): void {
    void this.show('tabs', () => this.focusPanel(this.tab));
  }

  private selectTab(tab: Tab, focus: boolean): void {
    this.tab = tab;
    if (tab === 'import') this.importOpened = true;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${tab}`)?.focus());
  }

  /** An import that fails after changing the unit leaves a journal: offer Resume / Roll back right away. */
  private async handleImportError(event: CustomEvent<BackupErrorDetail>): Promise<void> {
    if (event.detail.step !== 'import') return;
    const unfinished = await findUnfinishedImport({ unit: this.unitId, client: this.workClient }).catch(() => undefined);
    if (!unfinished) return;
    this.unfinished = unfinished;
    this.resumeCause = { code: event.detail.code, message: event.detail.message };
    void this.show('unfinished', () => this.focusPanel('resume'));
  }

  /**
   * An import whose read-back differed is not a success: no reload (cancelled here, before the panel schedules it),
   * no "verified"; the resume panel shows the differences with Re-check, Keep as it is and Roll back.
   */
  private handleImportDone(event: CustomEvent<BackupImportDoneDetail>): void {
    if ((event.detail.mode !== 'import' && event.detail.mode !== 'selective') || event.detail.differences === 0) return;
    event.preventDefault();
    const result = this.importPanel?.lastResult;
    void (async () => {
      this.unfinished = await findUnfinishedImport({ unit: this.unitId, client: this.workClient }).catch(() => undefined);
      this.outcome = result && { mode: 'import', result };
      this.resumeCause = undefined;
      await this.show('unfinished', () => this.focusPanel('resume'));
    })();
  }

  /** The unfinished import was running in another tab: look again (it may have finished, or its tab closed). */
  private async handleResumeRecheck(): Promise<void> {
    this.resumeCause = undefined;
    await this.loadAndFocus();
  }

  /** Loads, then focuses the heading of the first step. */
  private async loadAndFocus(): Promise<void> {
    await this.load();
    await this.updateComplete;
    if (this.view === 'unfinished') await this.focusPanel('resume');
    else this.renderRoot.querySelector<HTMLElement>('#warning-heading, [part="heading"]')?.focus();
  }

  private handleResumeClosed(): void {
    this.resumeCause = undefined;
    this.outcome = undefined;
    void this.show('warning', () => this.renderRoot.querySelector<HTMLElement>('#warning-heading')?.focus());
  }

  private renderTabs() {
    return html`
      ${renderTabList({
        l: this.l10n.l,
        selected: this.tab,
        operation: this.running,
        onSelect: (tab, focus) => this.selectTab(tab, focus),
        onApproach: (tab) => void this.panels.load(tab),
      })}
      <div id="panel-export" role="tabpanel" aria-labelledby="tab-export" ?hidden=${this.tab !== 'export'}>
        ${this.panels.render('export', this.l10n.l, () => html`<backup-export-panel
          exportparts=${INNER_PARTS}
          @backup-operation=${this.handleOperation}
          .client=${this.workClient}
          unit=${this.unitId}
          unit-name=${this.unitName}
        ></backup-export-panel>`)}
      </div>
      <div
        id="panel-import"
        role="tabpanel"
        aria-labelledby="tab-import"
        ?hidden=${this.tab !== 'import'}
        @backup-error=${this.handleImportError}
      >
        ${this.importOpened ? this.panels.render('import', this.l10n.l, () => this.renderImportPanel()) : nothing}
      </div>
    `;
  }

  private renderImportPanel() {
    return html`<backup-import-panel
          exportparts=${INNER_PARTS}
          @backup-operation=${this.handleOperation}
          @backup-import-done=${this.handleImportDone}
          .client=${this.workClient}
          .reload=${this.reloadHook}
          reload-delay=${this.reloadDelay}
          unit=${this.unitId}
          unit-name=${this.unitName}
        ></backup-import-panel>`;
  }

  private renderBody() {
    const l = this.l10n.l;
    const { t } = l;
    switch (this.view) {
      case 'loading':
        return html`<p role="status">${t.loading}</p>`;
      case 'failed':
        return html`${renderAlert(this.error)}
          <div class="actions">
            <button class="button" part="button" type="button" @click=${() => this.load()}>${t.tryAgain}</button>
          </div>`;
      case 'forbidden':
        return html`<h3 tabindex="-1" part="heading">${t.adminsOnly}</h3>
          <p>${t.notAdmin(bdi(this.unitName), bdi(this.session?.user.name ?? ''))}</p>`;
      case 'unfinished':
        return this.panels.render('resume', l, () => html`<backup-resume-panel
          exportparts=${INNER_PARTS}
          @backup-operation=${this.handleOperation}
          .client=${this.workClient}
          .reload=${this.reloadHook}
          .cause=${this.resumeCause}
          .unfinished=${this.unfinished}
          .outcome=${this.outcome}
          reload-delay=${this.reloadDelay}
          unit=${this.unitId}
          unit-name=${this.unitName}
          @backup-resume-closed=${this.handleResumeClosed}
          @backup-resume-recheck=${this.handleResumeRecheck}
        ></backup-resume-panel>`);
      case 'warning':
        return html`${renderWarningStep({
          l,
          unitName: this.unitName,
          problem: this.journalProblem,
          onContinue: () => this.handleContinue(),
          onApproach: () => void this.panels.load('export'),
        })}${renderOtherJournals(l, this.otherJournals)}`;
      case 'tabs':
        return this.renderTabs();
    }
  }

  private renderSwitch() {
    const requested = this.requestedSwitch;
    if (!requested || !this.pinned) return nothing;
    const onSwitch = () => this.handleSwitch();
    return renderUnitSwitch({ l: this.l10n.l, pinned: this.pinned, requested, operation: this.running, onSwitch });
  }

  /** The admin moves to what the page asked for, once the operation has ended. */
  private handleSwitch(): void {
    this.resumeCause = undefined;
    void this.loadAndFocus();
  }

  override render() {
    return html`<div class="base" part="base">
      <div class="title">
        <h2>${this.l10n.l.t.title}</h2>
        ${this.session ? html`<span class="muted">${bdi(this.unitName)}</span>` : nothing}
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
