import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
// The engines from their modules (not the engine barrel), so this chunk holds the selective engine and no other.
import { collectUnit } from '../../src/backup/collect.js';
import { describeSelectable } from '../../src/backup/selection.js';
import { planSelectiveRestore, runSelectiveRestore } from '../../src/backup/selective.js';
import type {
  DashboardClient,
  OpenedBackup,
  Phase,
  Progress,
  SelectableEntity,
  Selection,
  SelectivePlan,
  SelectiveResult,
} from '../shared/engine.js';
import { PLAN_SECTIONS, renderPlan } from './import-preview.js';
import { describeError, type DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';
import { reportOperation } from './operation.js';
import { renderPhaseList, renderProgress } from './progress.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { LocaleController } from '../shared/l10n/controller.js';
import { importPanelStyles } from './backup-import-panel.styles.js';
import { sayDependency } from '../shared/facts.js';
import { bdi } from '../shared/text.js';

type Step = 'loading' | 'choose' | 'planning' | 'preview' | 'running';
type Section = SelectableEntity['section'];

const PHASES: readonly Phase[] = ['preflight', 'snapshot', 'wipe', 'create', 'verify'];

/** `section:label` of an entity: what a checkbox stands for. */
const idOf = (e: SelectableEntity): string => `${e.section}:${e.label}`;

/**
 * "Choose what to restore" inside the Import tab, after Validate: each entity of the backup with its state
 * against the live unit (same, changed, missing here; entities only here are listed, never touched), a search
 * box, whole sections; then the preview (the full import's change table limited to what changes, and the
 * dependencies with their reasons), then the run. Internal: `<backup-import-panel>` renders it and reports the
 * outcome (`backup-import-done` with `mode: 'selective'`).
 *
 * @fires selective-back - The admin went back to the full import's preview.
 * @fires selective-done - The run ended; `detail` is the {@link SelectiveResult}.
 * @fires backup-error - Reading, planning or the run failed (also shown here).
 */
@customElement('backup-selective-restore')
export class BackupSelectiveRestore extends LitElement {
  static override styles = [
    sharedStyles,
    importPanelStyles,
    css`
      .entity { display: flex; gap: 0.5em; align-items: baseline; }
      .state { font-size: 0.85em; padding: 0 0.4em; border-radius: 0.3em; border: 1px solid currentColor; }
      fieldset { margin: 0.5em 0; }
    `,
  ];

  @property({ attribute: false }) client?: DashboardClient;
  @property() unit = '';
  @property({ attribute: 'unit-name' }) unitName = '';
  @property({ attribute: false }) backup?: OpenedBackup;
  /** The password or recovery key the backup was opened with (encrypts the safety snapshot); never rendered. */
  @property({ attribute: false }) password = '';
  /** The admin confirmed restoring from another unit in the full import's preview. */
  @property({ type: Boolean, attribute: false }) confirmOtherUnit = false;

  private readonly l10n = new LocaleController(this);
  @state() private step: Step = 'loading';
  @state() private entities: SelectableEntity[] = [];
  @state() private chosen = new Set<string>();
  @state() private query = '';
  @state() private plan?: SelectivePlan;
  @state() private error?: DescribedError;
  @state() private progress?: Progress;
  @state() private phase: Phase = 'preflight';

  protected override firstUpdated(): void {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.client || !this.backup) return;
    try {
      const live = await collectUnit(this.client, this.unit);
      this.entities = describeSelectable(this.backup.payload.unit, live);
      this.step = 'choose';
    } catch (error) {
      this.failWith(error);
      this.step = 'choose';
    }
  }

  private failWith(error: unknown): void {
    this.error = describeError(error, this.l10n.l.t, this.l10n.l.lang);
    this.dispatchEvent(new CustomEvent('backup-error', { detail: { step: 'import', unit: this.unit, ...this.error }, bubbles: true, composed: true }));
  }

  /** The selection the checked boxes stand for: single entities by natural key (never `only-here` ones). */
  private get selection(): Selection {
    const picked = this.entities.filter((e) => e.state !== 'only-here' && this.chosen.has(idOf(e)));
    const of = (s: Section) => picked.filter((e) => e.section === s).map((e) => e.key);
    const ws = of('workspaces') as { name: string; owner: string }[];
    // Twins share one natural key: name it once.
    const uniqueWs = [...new Map(ws.map((w) => [JSON.stringify([w.name, w.owner]), w])).values()];
    return { plugins: of('plugins') as string[], workspaces: uniqueWs, profiles: of('profiles') as string[], keys: of('keys') as string[] };
  }

  private toggle(e: SelectableEntity, on: boolean): void {
    const next = new Set(this.chosen);
    if (on) next.add(idOf(e));
    else next.delete(idOf(e));
    this.chosen = next;
  }

  private toggleSection(section: Section, on: boolean): void {
    const next = new Set(this.chosen);
    for (const e of this.entities) if (e.section === section && e.state !== 'only-here') (on ? next.add(idOf(e)) : next.delete(idOf(e)));
    this.chosen = next;
  }

  private async handlePlan(): Promise<void> {
    if (!this.client || !this.backup) return;
    this.error = undefined;
    this.step = 'planning';
    try {
      this.plan = await planSelectiveRestore(this.client, this.backup, this.selection, { unit: this.unit });
      this.step = 'preview';
    } catch (error) {
      this.failWith(error);
      this.step = 'choose';
    }
  }

  private async handleRun(): Promise<void> {
    if (!this.client || !this.backup || !this.plan) return;
    this.error = undefined;
    this.step = 'running';
    reportOperation(this, 'import');
    try {
      const result: SelectiveResult = await runSelectiveRestore(this.client, this.backup, this.selection, this.password, {
        unit: this.unit,
        expectedPlan: this.plan,
        confirmOtherUnit: this.confirmOtherUnit,
        reload: false,
        onProgress: (p) => {
          this.progress = p;
          if (PHASES.includes(p.phase)) this.phase = p.phase;
        },
      });
      reportOperation(this, null);
      this.dispatchEvent(new CustomEvent('selective-done', { detail: result }));
    } catch (error) {
      reportOperation(this, null);
      this.failWith(error);
      this.step = 'preview';
    }
  }

  private back(): void {
    this.dispatchEvent(new CustomEvent('selective-back'));
  }

  private renderSection(section: Section) {
    const { l } = this.l10n;
    const t = l.t.selective;
    const q = this.query.trim().toLowerCase();
    const all = this.entities.filter((e) => e.section === section);
    const shown = q ? all.filter((e) => e.label.toLowerCase().includes(q)) : all;
    const selectable = all.filter((e) => e.state !== 'only-here');
    const allOn = selectable.length > 0 && selectable.every((e) => this.chosen.has(idOf(e)));
    return html`<fieldset part="selective-section" data-section=${section}>
      <legend>
        <label><input type="checkbox" .checked=${allOn} ?disabled=${selectable.length === 0}
          @change=${(ev: Event) => this.toggleSection(section, (ev.target as HTMLInputElement).checked)} />
          ${t.all(l.t.sectionsInCount[section], l.number(selectable.length))}</label>
      </legend>
      ${shown.length === 0 ? html`<p class="muted">${q ? t.nothingMatches : l.t.none}</p>` : nothing}
      ${shown.map(
        (e) => html`<div class="entity">
          <label><input type="checkbox" .checked=${this.chosen.has(idOf(e))} ?disabled=${e.state === 'only-here'}
            @change=${(ev: Event) => this.toggle(e, (ev.target as HTMLInputElement).checked)} /> ${bdi(e.label)}</label>
          <span class="state" data-state=${e.state}>${t.states[e.state]}</span>
        </div>`,
      )}
    </fieldset>`;
  }

  private renderChoose() {
    const { l } = this.l10n;
    const t = l.t.selective;
    const count = this.entities.filter((e) => e.state !== 'only-here' && this.chosen.has(idOf(e))).length;
    return html`
      <h3 tabindex="-1" part="heading">${l.t.chooseWhatToRestore}</h3>
      <p>${t.intro(bdi(this.unitName))}</p>
      ${renderAlert(this.error)}
      <div class="search" role="search">
        <label for="selective-search">${t.searchLabel}</label>
        <input id="selective-search" type="search" autocomplete="off" .value=${this.query}
          @input=${(ev: Event) => (this.query = (ev.target as HTMLInputElement).value)} />
      </div>
      ${PLAN_SECTIONS.map((s) => this.renderSection(s.key))}
      <div class="actions">
        <button class="button" part="button primary-button" type="button" ?disabled=${count === 0} @click=${this.handlePlan}>
          ${l.count(count, t.review)}
        </button>
        <button class="button" part="button" type="button" @click=${this.back}>${t.backToAll}</button>
      </div>
    `;
  }

  private renderPreview() {
    const plan = this.plan;
    if (!plan) return nothing;
    const { l } = this.l10n;
    const { t } = l;
    const blocked = plan.dangling.length > 0 || plan.unwritable.length > 0 || (!plan.sameUnit && !this.confirmOtherUnit);
    return html`
      <h3 tabindex="-1" part="heading">${t.selective.reviewHeading}</h3>
      ${renderAlert(this.error)}
      <h4>${t.selective.chosen}</h4>
      <ul class="items chosen">
        ${plan.chosen.map((c) => html`<li>${bdi(c.label)} <span class="state" data-state=${c.state}>${t.selective.states[c.state]}</span></li>`)}
      </ul>
      ${plan.dependencies.length > 0
        ? html`<h4>${t.selective.alsoRestored}</h4>
            <ul class="items dependencies">
              ${plan.dependencies.map((d) => html`<li data-section=${d.section} data-action=${d.action}>${bdi(d.label)} (${d.action === 'create' ? t.facts.created : t.facts.recreated}): ${sayDependency(l, d.why)}</li>`)}
            </ul>`
        : nothing}
      ${renderPlan(l, plan, this.unitName)}
      <p>${t.selective.snapshotFirst(bdi(this.unitName))}</p>
      <div class="actions">
        <button class="button danger" part="button primary-button" type="button" ?disabled=${blocked} @click=${this.handleRun}>${t.selective.restore}</button>
        <button class="button" part="button" type="button" @click=${() => (this.step = 'choose')}>${t.selective.changeChoice}</button>
      </div>
    `;
  }

  override render() {
    const { l } = this.l10n;
    const t = l.t.selective;
    const unit = bdi(this.unitName);
    switch (this.step) {
      case 'loading':
      case 'planning':
        return html`<h3 tabindex="-1" part="heading">${t.comparing(unit)}</h3><p role="status">${t.reading(unit)}</p>`;
      case 'choose':
        return this.renderChoose();
      case 'preview':
        return this.renderPreview();
      case 'running':
        return html`<h3 tabindex="-1" part="heading">${t.running(unit)}</h3>
          <p>${t.keepOpen}</p>
          ${renderPhaseList(PHASES, this.phase, l)} ${renderProgress(this.progress, t.progress, l)}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'backup-selective-restore': BackupSelectiveRestore;
  }
}
