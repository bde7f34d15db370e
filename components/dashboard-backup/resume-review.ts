/**
 * The review step of the resume panel: a resume or rollback that would delete or overwrite work the journal does
 * not account for (someone else's, since the import started) shows that work and the whole plan first.
 */
import { html, type TemplateResult } from 'lit';
import type { ImportPlan } from '../shared/engine.js';
import type { Localizer } from '../shared/l10n/localizer.js';
import type { DriftItem } from '../../src/backup/facts.js';
import { sayDrift } from '../shared/facts.js';
import { bdi } from '../shared/text.js';
import { MAX_LISTED_DIFFERENCES } from './import-result.js';
import { renderPlan } from './import-preview.js';

/** What {@link renderReview} shows and calls. */
export interface ReviewView {
  l: Localizer;
  mode: 'resume' | 'rollback';
  plan: ImportPlan;
  /** What is someone else's: kind and name, never a value. */
  drift: DriftItem[];
  unitName: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Someone else's changes, the plan, the fresh snapshot, and Confirm / Cancel. */
export function renderReview(v: ReviewView): TemplateResult {
  const { l } = v;
  const { t } = l;
  const more = v.drift.length - MAX_LISTED_DIFFERENCES;
  const unit = bdi(v.unitName);
  return html`
    <h3 tabindex="-1" part="heading">${t.reviewTitle[v.mode]}</h3>
    <div class="notice warning" part="notice">
      <p>${t.drift(unit, l.count(v.drift.length, t.changes), v.mode)}</p>
      <ul class="drift">
        ${v.drift.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${sayDrift(l, d)}</li>`)}
        ${more > 0 ? html`<li>${l.count(more, t.moreChanges)}</li>` : ''}
      </ul>
    </div>
    ${renderPlan(l, v.plan, v.unitName)}
    <p>${t.freshSnapshotFirst(unit)}</p>
    <div class="actions">
      <button class="button primary" part="button primary-button" type="button" @click=${v.onConfirm}>
        ${t.confirmWithChanges[v.mode]}
      </button>
      <button class="button" part="button" type="button" @click=${v.onCancel}>${t.cancel}</button>
    </div>
  `;
}
