/**
 * The review step of the resume panel: a resume or rollback that would delete or overwrite work the journal does
 * not account for (someone else's, since the import started) shows that work and the whole plan first.
 */
import { html, type TemplateResult } from 'lit';
import type { ImportPlan } from './engine.js';
import { formatCount } from './format.js';
import { MAX_LISTED_DIFFERENCES } from './import-result.js';
import { renderPlan } from './import-preview.js';

/** Heading of the review step, by what waits for confirmation. */
export const REVIEW_TITLE = { resume: 'Review before resuming', rollback: 'Review before rolling back' } as const;

/** What {@link renderReview} shows and calls. */
export interface ReviewView {
  mode: 'resume' | 'rollback';
  plan: ImportPlan;
  /** What is someone else's: kind and name, never a value. */
  drift: string[];
  unitName: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Someone else's changes, the plan, the fresh snapshot, and Confirm / Cancel. */
export function renderReview(v: ReviewView): TemplateResult {
  const more = v.drift.length - MAX_LISTED_DIFFERENCES;
  const verb = v.mode === 'resume' ? 'Resuming' : 'Rolling back';
  return html`
    <h3 tabindex="-1" part="heading">${REVIEW_TITLE[v.mode]}</h3>
    <div class="notice warning" part="notice">
      <p>
        ${v.unitName} changed since the import started: ${formatCount(v.drift.length, 'change')} the import did not make.
        ${verb} would delete or overwrite:
      </p>
      <ul class="drift">
        ${v.drift.slice(0, MAX_LISTED_DIFFERENCES).map((d) => html`<li>${d}</li>`)}
        ${more > 0 ? html`<li>and ${formatCount(more, 'more change')}</li>` : ''}
      </ul>
    </div>
    ${renderPlan(v.plan, v.unitName)}
    <p>
      Before anything is changed, a fresh safety snapshot of ${v.unitName} as it is now is stored in this browser; the
      snapshot taken before the import is kept too.
    </p>
    <div class="actions">
      <button class="button primary" part="button primary-button" type="button" @click=${v.onConfirm}>
        ${v.mode === 'resume' ? 'Resume with these changes' : 'Roll back with these changes'}
      </button>
      <button class="button" part="button" type="button" @click=${v.onCancel}>Cancel</button>
    </div>
  `;
}
