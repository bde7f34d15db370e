/**
 * Which step `<dashboard-backup>` shows, and how it moves between them: the first step read from the session and
 * the journal, the resume panel after an import that failed midway or did not verify, and back. The element owns
 * its properties, panels and rendering; this controller owns the step and what it shows (and re-renders the host
 * when they change). Imports first-step.ts, not the engine barrel (see there): it is part of the first load.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UnfinishedImport } from '../shared/engine.js';
import { dispatchBackupEvent, type BackupErrorDetail, type BackupImportDoneDetail } from '../shared/events.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import type { UnverifiedOutcome } from './backup-resume-panel.js';
import { findFirstStep, findUnfinishedImport } from './first-step.js';
import type { Panel } from './panels.js';
import type { WorkTarget } from './target.js';
import type { View } from './views.js';
import type { ImportResult } from '../shared/engine.js';

/** What the controller needs of the element. */
export interface StepFlowHost extends ReactiveControllerHost, HTMLElement {
  /** The `unit` property (empty: the session's current unit). */
  readonly unit: string;
  readonly unitId: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The result of the import panel's last import, if any. */
  lastImportResult(): ImportResult | undefined;
  /** Focuses the heading of `panel` once its chunk is in. */
  focusPanel(panel: Panel): Promise<void>;
}

/** The step the element shows and what it shows with it. */
export class StepFlow implements ReactiveController {
  view: View = 'loading';
  error?: DescribedError;
  /** Why the resume panel is shown (the failure of the import that stopped), if it is. */
  resumeCause?: DescribedError;
  unfinished?: UnfinishedImport;
  /** Unfinished imports this browser holds for other Dashboards: listed, never offered or applied here. */
  otherJournals: UnfinishedImport[] = [];
  /** An import whose read-back differed, shown in the resume panel with the choices. */
  outcome?: UnverifiedOutcome;
  journalProblem?: DescribedError;
  private loadCount = 0;

  constructor(
    private readonly host: StepFlowHost,
    private readonly target: WorkTarget,
    private readonly l: () => Localizer,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  private set(patch: Partial<Pick<StepFlow, 'view' | 'error' | 'resumeCause' | 'unfinished' | 'otherJournals' | 'outcome' | 'journalProblem'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  private describe(error: unknown): DescribedError {
    return describeError(error, this.l().t, this.l().lang);
  }

  /** Reads the session and looks for an unfinished import; picks the first step from them. */
  async load(): Promise<void> {
    const run = ++this.loadCount;
    this.target.unpin(); // never called while an operation runs
    this.set({ outcome: undefined, view: 'loading', error: undefined });
    try {
      const first = await findFirstStep(this.target.activeClient, (session) => this.host.unit || session.unit.id);
      if (run !== this.loadCount) return;
      this.target.session = first.session;
      if (first.journalError !== undefined) {
        this.set({ journalProblem: this.describe(first.journalError) });
        dispatchBackupEvent(this.host, 'backup-error', { step: 'session', unit: this.host.unitId, ...this.journalProblem! });
      }
      this.set({ otherJournals: first.others, unfinished: first.unfinished, view: first.view });
    } catch (error) {
      if (run !== this.loadCount) return;
      this.set({ error: this.describe(error), view: 'failed' });
      dispatchBackupEvent(this.host, 'backup-error', { step: 'session', unit: this.host.unitId || undefined, ...this.error! });
    }
  }

  /** Shows `view`, then moves the focus once it is rendered. */
  async show(view: View, focus: () => unknown): Promise<void> {
    this.set({ view });
    await this.host.updateComplete;
    await focus();
  }

  /** Loads, then focuses the heading of the first step. */
  async loadAndFocus(): Promise<void> {
    await this.load();
    await this.host.updateComplete;
    if (this.view === 'unfinished') await this.host.focusPanel('resume');
    else this.host.renderRoot.querySelector<HTMLElement>('#warning-heading, [part="heading"]')?.focus();
  }

  /** An import that fails after changing the unit leaves a journal: offer Resume / Roll back right away. */
  async importFailed(event: CustomEvent<BackupErrorDetail>): Promise<void> {
    if (event.detail.step !== 'import') return;
    const unfinished = await findUnfinishedImport({ unit: this.host.unitId, client: this.target.workClient }).catch(() => undefined);
    if (!unfinished) return;
    this.set({ unfinished, resumeCause: { code: event.detail.code, message: event.detail.message } });
    void this.show('unfinished', () => this.host.focusPanel('resume'));
  }

  /**
   * An import whose read-back differed is not a success: no reload (cancelled here, before the panel schedules it),
   * no "verified"; the resume panel shows the differences with Re-check, Keep as it is and Roll back.
   */
  importDone(event: CustomEvent<BackupImportDoneDetail>): void {
    if ((event.detail.mode !== 'import' && event.detail.mode !== 'selective') || event.detail.differences === 0) return;
    event.preventDefault();
    const result = this.host.lastImportResult();
    void (async () => {
      const unfinished = await findUnfinishedImport({ unit: this.host.unitId, client: this.target.workClient }).catch(() => undefined);
      this.set({ unfinished, outcome: result && { mode: 'import', result }, resumeCause: undefined });
      await this.show('unfinished', () => this.host.focusPanel('resume'));
    })();
  }

  /** The unfinished import was running in another tab, or the admin moves to what the page asked for: look again. */
  async recheck(): Promise<void> {
    this.set({ resumeCause: undefined });
    await this.loadAndFocus();
  }

  /** The resume panel is done: back to the warning step. */
  resumeClosed(): void {
    this.set({ resumeCause: undefined, outcome: undefined });
    void this.show('warning', () => this.host.renderRoot.querySelector<HTMLElement>('#warning-heading')?.focus());
  }
}
