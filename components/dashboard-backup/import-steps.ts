/**
 * The steps of the Import tab between the form and the result: checking the file, the review (what the backup
 * holds and what the import changes, with the confirmation), and the import's progress. The review's "Choose what
 * to restore" opens the selective chooser, a chunk of its own (backup-import-panel.ts loads it).
 */
import { html, nothing, type TemplateResult } from 'lit';
// The engines Validate runs, from their modules: the engine barrel would bring every engine into this chunk.
import { openBackup } from '../../src/backup/open.js';
import { planImport } from '../../src/backup/plan.js';
import type { DashboardClient, ImportPlan, OpenedBackup, Phase, Progress } from '../shared/engine.js';
import type { BackupValidatedDetail } from '../shared/events.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DescribedError } from '../shared/messages.js';
import { renderAlert } from '../shared/notices.js';
import { bdi } from '../shared/text.js';
import { renderBackupSummary, renderConsequences, renderDangling, renderOtherFields, renderPlan, renderUnwritable } from './import-preview.js';
import { renderPhaseList, renderProgress } from './progress.js';

/** The phases of an import, in order, as the progress list shows them. */
export const IMPORT_PHASES: readonly Phase[] = ['preflight', 'snapshot', 'wipe', 'create', 'verify'];

/**
 * What Validate does: opens the file (decrypts and checks it), then compares it with `unit`. Reads only.
 * @returns the backup, the plan, and the detail of `backup-validated`.
 */
export async function validateBackup(
  client: DashboardClient,
  file: File,
  secret: string,
  unit: string,
  o: { signal: AbortSignal; onProgress: (p: Progress) => void },
): Promise<{ backup: OpenedBackup; plan: ImportPlan; validated: BackupValidatedDetail }> {
  const backup = await openBackup(file, secret, o);
  o.onProgress({ phase: 'plan', done: 0, total: 0 });
  const plan = await planImport(client, backup, { unit, signal: o.signal });
  const { sameUnit, sameOrigin } = plan;
  const validated = { sourceUnit: backup.manifest.unit.id, unit, counts: backup.counts, sameUnit, sameOrigin, dangling: plan.dangling.length };
  return { backup, plan, validated };
}

/** Opening and checking the backup, with Cancel. */
export function renderValidating(l: Localizer, progress: Progress | undefined, onCancel: () => void): TemplateResult {
  return html`
    <h3 tabindex="-1" part="heading">${l.t.checkingHeading}</h3>
    ${renderProgress(progress, l.t.validationProgress, l)}
    <div class="actions">
      <button class="button" part="button" type="button" @click=${onCancel}>${l.t.cancel}</button>
    </div>
  `;
}

/** The import running: its phases and progress. */
export function renderImporting(l: Localizer, unitName: string, phase: Phase, progress: Progress | undefined): TemplateResult {
  return html`
    <h3 tabindex="-1" part="heading">${l.t.importingHeading(bdi(unitName))}</h3>
    <p>${l.t.keepOpen}</p>
    ${renderPhaseList(IMPORT_PHASES, phase, l)}
    ${renderProgress(progress, l.t.importProgress, l)}
  `;
}

/** What {@link renderReview} shows and calls. */
export interface ReviewView {
  l: Localizer;
  plan: ImportPlan;
  backup: OpenedBackup;
  unitName: string;
  error: DescribedError | undefined;
  confirmation: string;
  /** The unit's name was typed (or the backup is of this unit). */
  confirmed: boolean;
  onConfirmation: (text: string) => void;
  onImport: () => void;
  onChoose: () => void;
  /** The pointer or focus reached "Choose what to restore": fetch the chooser before the click. */
  onApproachChoose: () => void;
  onBack: () => void;
}

/** The review before importing; its heading is the focus target. */
export function renderReview(v: ReviewView): TemplateResult {
  const { l, plan, backup } = v;
  const blocked = plan.dangling.length > 0;
  // What the Dashboard would refuse is not offered at all: no Import button to reach for.
  const unwritable = plan.unwritable.length > 0;
  const importButton = html`<button
    class="button danger"
    part="button primary-button"
    type="button"
    ?disabled=${blocked || !v.confirmed}
    @click=${v.onImport}
  >
    ${l.t.importButton}
  </button>`;
  const chooseButton = html`<button
    class="button"
    part="button"
    type="button"
    @click=${v.onChoose}
    @pointerenter=${v.onApproachChoose}
    @focus=${v.onApproachChoose}
  >
    ${l.t.chooseWhatToRestore}
  </button>`;
  return html`
    <h3 tabindex="-1" part="heading">${l.t.reviewHeading}</h3>
    ${renderAlert(v.error)}
    ${renderDangling(l, plan)} ${renderUnwritable(l, plan)} ${renderBackupSummary(l, backup)}
    ${renderPlan(l, plan, v.unitName)} ${renderOtherFields(l, backup)}
    ${renderConsequences({ l, plan, backup, unitName: v.unitName, confirmation: v.confirmation, onConfirmation: v.onConfirmation })}
    <div class="actions">
      ${unwritable ? nothing : importButton} ${blocked || !v.confirmed ? nothing : chooseButton}
      <button class="button" part="button" type="button" @click=${v.onBack}>${l.t.chooseAnother}</button>
    </div>
  `;
}
